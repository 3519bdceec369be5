-- Students can report a lesson (wrong, harmful, spam). Unlike comments, three reports do not hide
-- a lesson by themselves: a handful of accounts could otherwise take down anyone's work. Open
-- reports put it in the moderators' queue; a moderator keeps it (the reports are closed) or removes
-- it (status REJECTED, the reason shown to its creator). One report per user per lesson, ever: a
-- lesson kept after review comes back only when someone new reports it.
CREATE TABLE public.video_reports (
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  reason text CHECK (char_length(reason) <= 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES public.users(id) ON DELETE SET NULL,
  PRIMARY KEY (video_id, user_id)
);
-- The queue groups open reports by lesson.
CREATE INDEX video_reports_open_idx ON public.video_reports (video_id, created_at) WHERE resolved_at IS NULL;

ALTER TABLE public.video_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.video_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users report as themselves" ON public.video_reports FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Users see own reports, moderators all" ON public.video_reports FOR SELECT
  USING (auth.uid() = user_id OR auth.is_moderator());
GRANT SELECT, INSERT (video_id, user_id, reason) ON public.video_reports TO authenticated;
GRANT ALL ON public.video_reports TO service_role;
