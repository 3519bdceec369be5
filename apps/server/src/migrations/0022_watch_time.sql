-- Watch time (issue 15 item 6): seconds a student actually played of a lesson, per lesson per
-- local day (the student's zone when the heartbeat arrived), for study minutes and streaks.
-- The row is the deduplication: a day's seconds for a lesson never exceed the lesson's length,
-- however many players, tabs or replayed heartbeats report it.
CREATE TABLE public.watch_time (
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  day date NOT NULL,
  seconds integer NOT NULL DEFAULT 0 CHECK (seconds >= 0 AND seconds <= 86400),
  -- The student's "real time spent" clock after this row's last counted heartbeat: a heartbeat may
  -- only claim time that passed since (see study/watch.ts), so beats faster than real time count
  -- nothing extra. The student's clock is the latest over their rows.
  credited_until timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, video_id, day)
);
-- Stats read a student's recent days; the clock reads the student's latest row.
CREATE INDEX watch_time_user_day ON public.watch_time (user_id, day);
CREATE INDEX watch_time_user_clock ON public.watch_time (user_id, credited_until DESC);

ALTER TABLE public.watch_time ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.watch_time FORCE ROW LEVEL SECURITY;
-- The student's alone: no one else (moderators included) reads or writes it; a row only for a
-- lesson the student can see (the subquery runs under the videos' policies).
CREATE POLICY "Students see own watch time" ON public.watch_time FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Students record own watch time" ON public.watch_time FOR INSERT WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = watch_time.video_id));
CREATE POLICY "Students add to own watch time" ON public.watch_time FOR UPDATE USING (auth.uid() = user_id)
  WITH CHECK (auth.uid() = user_id);
GRANT SELECT, INSERT ON public.watch_time TO authenticated;
GRANT UPDATE (seconds, credited_until, updated_at) ON public.watch_time TO authenticated;
GRANT ALL ON public.watch_time TO service_role;
