-- Grounding (issue 17 item 6): for lessons made from notes, where in the notes each key point came
-- from: a JSON array parallel to key_points of {start, end, text} or null. NULL for lessons without
-- notes and for lessons stored before this column, which load exactly as before.
ALTER TABLE public.videos ADD COLUMN key_point_sources jsonb;
