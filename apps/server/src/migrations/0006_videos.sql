-- Feed ranking: a trending score kept by the worker (recent views, ratings and comments, decayed by
-- age) so "trending" and "for you" pages are served by an index instead of ranking every row.
ALTER TABLE public.videos ADD COLUMN trending_score double precision NOT NULL DEFAULT 0;
CREATE INDEX idx_videos_trending ON public.videos (trending_score DESC, id DESC) WHERE status = 'PUBLIC';
CREATE INDEX idx_videos_subject_trending ON public.videos (subject, trending_score DESC, id DESC) WHERE status = 'PUBLIC';
CREATE INDEX idx_videos_public_created ON public.videos (created_at DESC, id DESC) WHERE status = 'PUBLIC';
CREATE INDEX idx_videos_difficulty_created ON public.videos (difficulty, created_at DESC, id DESC) WHERE status = 'PUBLIC';

-- Recent activity for trending (views are recorded per viewer per 30 minutes in video_views).
CREATE OR REPLACE FUNCTION public.refresh_trending_scores() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  WITH activity AS (
    SELECT v.id,
           (SELECT count(*) FROM video_views w WHERE w.video_id = v.id AND w.viewed_at > now() - interval '3 days') AS views,
           (SELECT count(*) FROM ratings r WHERE r.video_id = v.id AND r.updated_at > now() - interval '3 days') AS ratings,
           (SELECT count(*) FROM comments c WHERE c.video_id = v.id AND NOT c.is_hidden AND c.created_at > now() - interval '3 days') AS comments,
           extract(epoch FROM now() - v.created_at) / 3600 AS age_hours,
           v.rating_avg
      FROM videos v WHERE v.status = 'PUBLIC'
  ), scored AS (
    -- Hacker-News-style gravity: activity over (age + 2)^1.5, plus a little for quality.
    SELECT id, (1 + views + 3 * ratings + 2 * comments + rating_avg) / power(age_hours + 2, 1.5) AS score FROM activity
  ), updated AS (
    UPDATE videos v SET trending_score = s.score FROM scored s WHERE v.id = s.id AND v.trending_score IS DISTINCT FROM s.score RETURNING 1
  )
  SELECT count(*)::int FROM updated
$$;

-- Sample lessons seeded on first embedded start are owned by a demo account and marked as samples.
ALTER TABLE public.videos ALTER COLUMN is_sample SET DEFAULT false;

-- updatedAt means "the lesson changed", not "a counter moved": only content columns touch it.
DROP TRIGGER videos_updated_at ON public.videos;
CREATE TRIGGER videos_updated_at BEFORE UPDATE OF title, subject, difficulty, topic, status, visibility, script,
  script_summary, key_points, timestamps, thumbnail_url, duration, quiz, tags, failure_reason ON public.videos
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- A generation is claimed by one job at a time; a claim older than the job's expiry is stale
-- (its worker crashed), so another job may take over. Nothing stays GENERATING forever.
ALTER TABLE public.videos ADD COLUMN claimed_by text, ADD COLUMN claimed_at timestamptz;
