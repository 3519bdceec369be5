-- A failed or rejected lesson carries a stable code beside its readable reason, so clients branch on
-- the code (packages/core VIDEO_FAILURE_CODES) and never on the wording.
ALTER TABLE public.videos ADD COLUMN failure_code text CHECK (failure_code IN (
  'no_model', 'model_unavailable', 'model_failed', 'invalid_lesson', 'low_quality',
  'moderation_rejected', 'removed_by_moderator', 'unexpected'));

-- Lessons that failed before codes existed: what their status and wording tell for certain.
UPDATE public.videos SET failure_code = CASE
    WHEN failure_reason LIKE 'Removed by a moderator%' THEN 'removed_by_moderator'
    WHEN status = 'REJECTED' THEN 'moderation_rejected'
    WHEN failure_reason LIKE 'No AI model is configured%' THEN 'no_model'
  END
  WHERE status IN ('FAILED', 'REJECTED');

-- A creator's retry clears the code with the reason (the client-write rule below allows only that).
GRANT UPDATE (failure_code) ON public.videos TO authenticated;

CREATE OR REPLACE FUNCTION public.videos_client_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  retry boolean := OLD.status = 'FAILED' AND NEW.status = 'PENDING';
BEGIN
  IF current_user NOT IN ('anon', 'authenticated') THEN
    RETURN NEW;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND NOT (OLD.status IN ('PUBLIC', 'PRIVATE') AND NEW.status IN ('PUBLIC', 'PRIVATE')) AND NOT retry THEN
    RAISE EXCEPTION 'a client cannot move a video from % to %', OLD.status, NEW.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.failure_reason, NEW.failure_code, NEW.attempts) IS DISTINCT FROM (OLD.failure_reason, OLD.failure_code, OLD.attempts)
     AND NOT (retry AND NEW.failure_reason IS NULL AND NEW.failure_code IS NULL AND NEW.attempts = 0) THEN
    RAISE EXCEPTION 'failure_reason, failure_code and attempts change only by a retry'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.status, NEW.visibility) IS DISTINCT FROM (OLD.status, OLD.visibility)
     AND NEW.status IN ('PUBLIC', 'PRIVATE') AND NEW.visibility <> NEW.status THEN
    RAISE EXCEPTION 'a published video''s status and visibility change together'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

-- The realtime summary carries the code too (core's VideoUpdatedEvent), and a change of code alone is news.
CREATE OR REPLACE FUNCTION public.videos_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  summary jsonb := jsonb_build_object('id', NEW.id, 'status', NEW.status, 'title', NEW.title,
    'failureCode', NEW.failure_code, 'failureReason', NEW.failure_reason, 'thumbnailUrl', NEW.thumbnail_url,
    'createdBy', NEW.created_by);
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.rating_sum, NEW.rating_count) IS DISTINCT FROM (OLD.rating_sum, OLD.rating_count) THEN
    PERFORM lm_emit('video:' || NEW.id, 'rating.updated', jsonb_build_object(
      'videoId', NEW.id, 'ratingAvg', NEW.rating_avg, 'ratingCount', NEW.rating_count));
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.status, NEW.title, NEW.tags, NEW.failure_code, NEW.failure_reason, NEW.thumbnail_url,
       NEW.script_summary) IS DISTINCT FROM (OLD.status, OLD.title, OLD.tags, OLD.failure_code, OLD.failure_reason,
       OLD.thumbnail_url, OLD.script_summary) THEN
    PERFORM lm_emit('video:' || NEW.id, 'video.updated', summary);
    PERFORM lm_emit('user:' || NEW.created_by, 'video.updated', summary);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.video_media_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v record;
  summary jsonb;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.status, NEW.progress, NEW.version, NEW.failure_reason)
       IS NOT DISTINCT FROM (OLD.status, OLD.progress, OLD.version, OLD.failure_reason) THEN
    RETURN NULL;
  END IF;
  SELECT id, status, title, failure_code, failure_reason, thumbnail_url, created_by INTO v
    FROM videos WHERE id = NEW.video_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  summary := jsonb_build_object('id', v.id, 'status', v.status, 'title', v.title,
    'failureCode', v.failure_code, 'failureReason', v.failure_reason, 'thumbnailUrl', v.thumbnail_url,
    'createdBy', v.created_by,
    'media', jsonb_build_object('status', NEW.status, 'progress', NEW.progress,
      'failureCode', NEW.failure_code, 'failureReason', NEW.failure_reason));
  PERFORM lm_emit('video:' || v.id, 'video.updated', summary);
  PERFORM lm_emit('user:' || v.created_by, 'video.updated', summary);
  -- Feed cards show whether a lesson has a video: a finished render refreshes cached pages.
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    PERFORM pg_notify('lm_feed', '');
  END IF;
  RETURN NULL;
END $$;
