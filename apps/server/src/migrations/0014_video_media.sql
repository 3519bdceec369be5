-- A lesson's rendered video (media/render): its state, progress and files. One row per lesson,
-- written by the worker (service_role) only; readers see it exactly when they may see the lesson.
CREATE TABLE public.video_media (
  video_id uuid PRIMARY KEY REFERENCES public.videos(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'RENDERING', 'READY', 'FAILED', 'UNAVAILABLE')),
  progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  duration_sec numeric(8, 2),
  size_bytes bigint,
  -- Bumped by every finished render: part of the file URLs, so caches may keep a file forever.
  version bigint,
  failure_code text,
  failure_reason text,
  attempts integer NOT NULL DEFAULT 0,
  -- The job rendering it, and when it last showed signs of life: a render whose heartbeat is old
  -- lost its worker (crash, kill -9, power cut) and is taken over, so nothing stays RENDERING.
  claimed_by text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_video_media_unfinished ON public.video_media (status) WHERE status IN ('PENDING', 'RENDERING');
CREATE TRIGGER video_media_updated_at BEFORE UPDATE OF status, progress, version ON public.video_media
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

ALTER TABLE public.video_media ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.video_media FORCE ROW LEVEL SECURITY;
-- The videos table's own policies decide (PUBLIC, own, moderator): the subquery runs under them.
CREATE POLICY "Media of visible videos" ON public.video_media FOR SELECT
  USING (EXISTS (SELECT 1 FROM public.videos v WHERE v.id = video_id));
GRANT SELECT ON public.video_media TO anon, authenticated;
GRANT ALL ON public.video_media TO service_role;

-- Render progress reaches the lesson's viewers and its creator as video.updated, with the lesson's
-- status and creator (the hub drops viewers of a lesson that is no longer public). Heartbeats alone
-- change nothing a client shows and stay silent.
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
  SELECT id, status, title, failure_reason, thumbnail_url, created_by INTO v FROM videos WHERE id = NEW.video_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  summary := jsonb_build_object('id', v.id, 'status', v.status, 'title', v.title,
    'failureReason', v.failure_reason, 'thumbnailUrl', v.thumbnail_url, 'createdBy', v.created_by,
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
CREATE TRIGGER video_media_emit AFTER INSERT OR UPDATE ON public.video_media
  FOR EACH ROW EXECUTE FUNCTION public.video_media_emit();
