-- "Report inaccuracy" on one key point (issue 17 item 6): a lesson report may name the key point
-- it is about; the moderators' queue marks those key points. NULL: a report on the whole lesson.
-- Cleared (the report closed) when the creator regenerates that key point.
ALTER TABLE public.video_reports ADD COLUMN key_point_index integer CHECK (key_point_index >= 0);
GRANT INSERT (key_point_index) ON public.video_reports TO authenticated;
