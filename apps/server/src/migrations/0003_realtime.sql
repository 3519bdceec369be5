-- Realtime events are produced by the database: triggers call pg_notify('lm_events', …) in the
-- writing transaction, so an event exists exactly when its change commits, and every API instance
-- that LISTENs (one or many) sees it. Payloads stay small (NOTIFY's limit is 8000 bytes): clients
-- fetch details, or the hub enriches them.

CREATE OR REPLACE FUNCTION public.lm_emit(channel text, event text, data jsonb) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('lm_events', jsonb_build_object('channel', channel, 'event', event, 'data', data)::text)
$$;

CREATE OR REPLACE FUNCTION public.notifications_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM lm_emit('user:' || NEW.user_id, 'notification.created', jsonb_build_object(
    'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title, 'body', left(NEW.body, 500),
    'data', NEW.data, 'readAt', NEW.read_at, 'createdAt', NEW.created_at));
  RETURN NULL;
END $$;
CREATE TRIGGER notifications_emit AFTER INSERT ON public.notifications
  FOR EACH ROW EXECUTE FUNCTION public.notifications_emit();

CREATE OR REPLACE FUNCTION public.comments_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r record := coalesce(NEW, OLD);
  event text := CASE TG_OP WHEN 'INSERT' THEN 'comment.created' WHEN 'UPDATE' THEN 'comment.updated' ELSE 'comment.deleted' END;
BEGIN
  PERFORM lm_emit('video:' || r.video_id, event, jsonb_build_object(
    'id', r.id, 'videoId', r.video_id, 'userId', r.user_id, 'isHidden', r.is_hidden,
    'moderationStatus', r.moderation_status));
  RETURN NULL;
END $$;
CREATE TRIGGER comments_emit AFTER INSERT OR UPDATE OR DELETE ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.comments_emit();

-- Videos: rating changes → rating.updated; anything a viewer sees → video.updated, also to the
-- creator's private channel (generation progress reaches them wherever they are in the app).
CREATE OR REPLACE FUNCTION public.videos_emit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  summary jsonb := jsonb_build_object('id', NEW.id, 'status', NEW.status, 'title', NEW.title,
    'failureReason', NEW.failure_reason, 'thumbnailUrl', NEW.thumbnail_url, 'createdBy', NEW.created_by);
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.rating_sum, NEW.rating_count) IS DISTINCT FROM (OLD.rating_sum, OLD.rating_count) THEN
    PERFORM lm_emit('video:' || NEW.id, 'rating.updated', jsonb_build_object(
      'videoId', NEW.id, 'ratingAvg', NEW.rating_avg, 'ratingCount', NEW.rating_count));
  END IF;
  IF TG_OP = 'INSERT' OR (NEW.status, NEW.title, NEW.tags, NEW.failure_reason, NEW.thumbnail_url, NEW.script_summary)
       IS DISTINCT FROM (OLD.status, OLD.title, OLD.tags, OLD.failure_reason, OLD.thumbnail_url, OLD.script_summary) THEN
    PERFORM lm_emit('video:' || NEW.id, 'video.updated', summary);
    PERFORM lm_emit('user:' || NEW.created_by, 'video.updated', summary);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER videos_emit AFTER INSERT OR UPDATE ON public.videos
  FOR EACH ROW EXECUTE FUNCTION public.videos_emit();
