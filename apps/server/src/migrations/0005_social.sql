-- Comments under review and public rating distributions: report bookkeeping, moderator review
-- marks, and the one aggregate over the RLS-private ratings that anyone may read.

-- Reports counted since the last human review: a moderator's APPROVE resets it, so only three
-- *new* reporters can hide an approved comment again. report_count stays the lifetime total.
ALTER TABLE public.comments
  ADD COLUMN reports_since_review integer NOT NULL DEFAULT 0,
  ADD COLUMN reviewed_by uuid REFERENCES public.users(id) ON DELETE SET NULL,
  ADD COLUMN reviewed_at timestamptz;

-- The moderation queue pages FLAGGED comments oldest first with a (created_at, id) keyset.
DROP INDEX IF EXISTS public.idx_comments_review;
CREATE INDEX idx_comments_review ON public.comments (created_at, id) WHERE moderation_status = 'FLAGGED';

-- Reporters cannot update other people's comments under RLS, so the bookkeeping runs here, in
-- the reporting transaction. Increments (not recounts) re-read the latest row version, so
-- concurrent reporters never lose each other's report and the third one always hides it.
CREATE OR REPLACE FUNCTION public.comment_reports_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE comments SET
    report_count = report_count + 1,
    reports_since_review = reports_since_review + 1,
    -- A rejected comment is already hidden for good; do not pull it back into the queue.
    is_hidden = CASE WHEN reports_since_review + 1 >= 3 AND moderation_status <> 'REJECTED' THEN true ELSE is_hidden END,
    moderation_reason = CASE WHEN reports_since_review + 1 >= 3 AND moderation_status <> 'REJECTED'
      THEN 'Hidden after reports from several users; a moderator will review it.' ELSE moderation_reason END,
    moderation_status = CASE WHEN reports_since_review + 1 >= 3 AND moderation_status <> 'REJECTED'
      THEN 'FLAGGED' ELSE moderation_status END
  WHERE id = NEW.comment_id;
  RETURN NULL;
END $$;
CREATE TRIGGER comment_reports_apply AFTER INSERT ON public.comment_reports
  FOR EACH ROW EXECUTE FUNCTION public.comment_reports_apply();

-- Ratings rows are private to their author, but how many of each star a visible video got is
-- public. The visibility test mirrors the SELECT policies on public.videos (a definer function
-- bypasses them), so a caller can never learn about a video they cannot see.
CREATE OR REPLACE FUNCTION public.rating_distribution(p_video uuid)
RETURNS TABLE (stars integer, n integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.stars, count(*)::int
    FROM ratings r
   WHERE r.video_id = p_video
     AND EXISTS (SELECT 1 FROM videos v WHERE v.id = p_video
                   AND (v.status = 'PUBLIC' OR v.created_by = auth.uid() OR auth.is_moderator()))
   GROUP BY r.stars
$$;
REVOKE ALL ON FUNCTION public.rating_distribution(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.rating_distribution(uuid) TO anon, authenticated, service_role;
