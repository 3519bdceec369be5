-- Videos, comments, ratings, views and the planner: the seed's tables, indexes and policies.

-- array_to_string is only STABLE; generated columns need IMMUTABLE, and text[] output is.
CREATE OR REPLACE FUNCTION public.lm_join(text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;

CREATE TABLE public.videos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  subject text NOT NULL,
  difficulty text NOT NULL CHECK (difficulty IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
  topic text NOT NULL,
  created_by uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'GENERATING', 'PUBLIC', 'PRIVATE', 'FAILED', 'REJECTED')),
  -- What the creator asked for; generation publishes to it.
  visibility text NOT NULL DEFAULT 'PUBLIC' CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
  source_text text,
  script text,
  script_summary text,
  key_points text[] NOT NULL DEFAULT '{}',
  timestamps integer[] NOT NULL DEFAULT '{}',
  video_url text,
  thumbnail_url text,
  duration integer NOT NULL DEFAULT 0,
  quiz jsonb NOT NULL DEFAULT '[]',
  tags text[] NOT NULL DEFAULT '{}',
  failure_reason text,
  attempts integer NOT NULL DEFAULT 0,
  provider text,
  is_sample boolean NOT NULL DEFAULT false,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  rating_avg numeric(3, 2) GENERATED ALWAYS AS
    (CASE WHEN rating_count = 0 THEN 0 ELSE round(rating_sum::numeric / rating_count, 2) END) STORED,
  view_count integer NOT NULL DEFAULT 0,
  comment_count integer NOT NULL DEFAULT 0,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(topic, '')), 'A') ||
    setweight(to_tsvector('english', public.lm_join(tags)), 'B') ||
    setweight(to_tsvector('english', public.lm_join(key_points)), 'B') ||
    setweight(to_tsvector('english', coalesce(script_summary, '')), 'C')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER videos_updated_at BEFORE UPDATE ON public.videos
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

CREATE INDEX idx_videos_subject_created ON public.videos (subject, created_at DESC, id DESC) WHERE status = 'PUBLIC';
CREATE INDEX idx_videos_status_created ON public.videos (status, created_at DESC, id DESC);
CREATE INDEX idx_videos_created_by ON public.videos (created_by, created_at DESC, id DESC);
CREATE INDEX idx_videos_rating_avg ON public.videos (rating_avg DESC, rating_count DESC, id DESC) WHERE status = 'PUBLIC';
CREATE INDEX idx_videos_search ON public.videos USING GIN (search);

ALTER TABLE public.videos ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.videos FORCE ROW LEVEL SECURITY;
CREATE POLICY "Videos are public" ON public.videos FOR SELECT USING (status = 'PUBLIC');
CREATE POLICY "Creators see own videos" ON public.videos FOR SELECT USING (auth.uid() = created_by);
CREATE POLICY "Moderators see all videos" ON public.videos FOR SELECT USING (auth.is_moderator());
CREATE POLICY "Users create own videos" ON public.videos FOR INSERT WITH CHECK (auth.uid() = created_by);
CREATE POLICY "Users can update own videos" ON public.videos FOR UPDATE USING (auth.uid() = created_by) WITH CHECK (auth.uid() = created_by);
CREATE POLICY "Creators and moderators delete videos" ON public.videos FOR DELETE
  USING (auth.uid() = created_by OR auth.is_moderator());
GRANT SELECT ON public.videos TO anon, authenticated;
GRANT INSERT (title, subject, difficulty, topic, created_by, visibility, source_text) ON public.videos TO authenticated;
GRANT UPDATE (title, tags, status, visibility, failure_reason, attempts) ON public.videos TO authenticated;
GRANT DELETE ON public.videos TO authenticated;
GRANT ALL ON public.videos TO service_role;

CREATE TABLE public.comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
  is_hidden boolean NOT NULL DEFAULT false,
  moderation_status text NOT NULL DEFAULT 'PENDING'
    CHECK (moderation_status IN ('PENDING', 'APPROVED', 'FLAGGED', 'REJECTED')),
  moderation_reason text,
  report_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER comments_updated_at BEFORE UPDATE ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE INDEX idx_comments_video_id ON public.comments (video_id, created_at DESC, id DESC);
CREATE INDEX idx_comments_user_id ON public.comments (user_id);
CREATE INDEX idx_comments_review ON public.comments (created_at) WHERE moderation_status = 'FLAGGED';

ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.comments FORCE ROW LEVEL SECURITY;
CREATE POLICY "Comments are public if not hidden" ON public.comments FOR SELECT
  USING (is_hidden = false AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = video_id));
CREATE POLICY "Authors see own comments" ON public.comments FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Moderators see all comments" ON public.comments FOR SELECT USING (auth.is_moderator());
CREATE POLICY "Authenticated users can comment" ON public.comments FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Authors edit own comments" ON public.comments FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Authors, video creators and moderators delete comments" ON public.comments FOR DELETE USING (
  auth.uid() = user_id OR auth.is_moderator()
  OR EXISTS (SELECT 1 FROM public.videos v WHERE v.id = video_id AND v.created_by = auth.uid())
);
GRANT SELECT ON public.comments TO anon, authenticated;
GRANT INSERT (video_id, user_id, text, is_hidden, moderation_status, moderation_reason) ON public.comments TO authenticated;
GRANT UPDATE (text, is_hidden, moderation_status, moderation_reason) ON public.comments TO authenticated;
GRANT DELETE ON public.comments TO authenticated;
GRANT ALL ON public.comments TO service_role;

CREATE TABLE public.comment_reports (
  comment_id uuid NOT NULL REFERENCES public.comments(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_id, user_id)
);
ALTER TABLE public.comment_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.comment_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users report as themselves" ON public.comment_reports FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Users see own reports" ON public.comment_reports FOR SELECT USING (auth.uid() = user_id);
GRANT SELECT, INSERT ON public.comment_reports TO authenticated;
GRANT ALL ON public.comment_reports TO service_role;

CREATE TABLE public.ratings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (video_id, user_id)
);
CREATE TRIGGER ratings_updated_at BEFORE UPDATE ON public.ratings
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE INDEX idx_ratings_video_user ON public.ratings (video_id, user_id);
CREATE INDEX idx_ratings_user ON public.ratings (user_id);
ALTER TABLE public.ratings ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.ratings FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users see own ratings" ON public.ratings FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Users can rate videos" ON public.ratings FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Users change own ratings" ON public.ratings FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Users delete own ratings" ON public.ratings FOR DELETE USING (auth.uid() = user_id);
GRANT SELECT, INSERT, DELETE ON public.ratings TO authenticated;
GRANT UPDATE (stars) ON public.ratings TO authenticated;
GRANT ALL ON public.ratings TO service_role;

-- Counters are kept by triggers as increments: an UPDATE re-reads the latest row version
-- under concurrency, so concurrent writers never lose each other's change.
CREATE OR REPLACE FUNCTION public.ratings_counter() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE videos SET rating_sum = rating_sum + NEW.stars, rating_count = rating_count + 1 WHERE id = NEW.video_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE videos SET rating_sum = rating_sum + NEW.stars - OLD.stars WHERE id = NEW.video_id;
  ELSE
    UPDATE videos SET rating_sum = rating_sum - OLD.stars, rating_count = rating_count - 1 WHERE id = OLD.video_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ratings_counter AFTER INSERT OR UPDATE OF stars OR DELETE ON public.ratings
  FOR EACH ROW EXECUTE FUNCTION public.ratings_counter();

-- comment_count counts visible comments only.
CREATE OR REPLACE FUNCTION public.comments_counter() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE delta integer := 0;
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := CASE WHEN NEW.is_hidden THEN 0 ELSE 1 END;
  ELSIF TG_OP = 'UPDATE' THEN
    delta := (CASE WHEN NEW.is_hidden THEN 0 ELSE 1 END) - (CASE WHEN OLD.is_hidden THEN 0 ELSE 1 END);
  ELSE
    delta := CASE WHEN OLD.is_hidden THEN 0 ELSE -1 END;
  END IF;
  IF delta <> 0 THEN
    UPDATE videos SET comment_count = comment_count + delta WHERE id = coalesce(NEW.video_id, OLD.video_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER comments_counter AFTER INSERT OR UPDATE OF is_hidden OR DELETE ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.comments_counter();

-- One row per (video, viewer); a view counts again only after 30 minutes.
CREATE TABLE public.video_views (
  video_id uuid NOT NULL REFERENCES public.videos(id) ON DELETE CASCADE,
  viewer_key text NOT NULL,
  viewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (video_id, viewer_key)
);
CREATE INDEX idx_video_views_recent ON public.video_views (viewed_at);
ALTER TABLE public.video_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.video_views FORCE ROW LEVEL SECURITY;
GRANT ALL ON public.video_views TO service_role;

CREATE TABLE public.planner_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES public.users(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  description text,
  subject text,
  type text NOT NULL CHECK (type IN ('EXAM', 'ASSIGNMENT', 'STUDY_SESSION', 'CLASS', 'REMINDER', 'OTHER')),
  start_date timestamptz NOT NULL,
  end_date timestamptz CHECK (end_date IS NULL OR end_date >= start_date),
  all_day boolean NOT NULL DEFAULT false,
  is_completed boolean NOT NULL DEFAULT false,
  reminders integer[] NOT NULL DEFAULT '{}',
  rrule text,
  -- For recurring events: the occurrence starts the student marked complete.
  completed_occurrences timestamptz[] NOT NULL DEFAULT '{}',
  -- The end of the last occurrence (or 'infinity'), so range queries stay indexable.
  series_end timestamptz,
  linked_event_id uuid REFERENCES public.planner_events(id) ON DELETE SET NULL,
  ical_uid text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER planner_events_updated_at BEFORE UPDATE ON public.planner_events
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE INDEX idx_planner_user_date ON public.planner_events (user_id, start_date);
ALTER TABLE public.planner_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.planner_events FORCE ROW LEVEL SECURITY;
CREATE POLICY "Users can access own events" ON public.planner_events
  USING (auth.uid() = user_id) WITH CHECK (auth.uid() = user_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON public.planner_events TO authenticated;
GRANT ALL ON public.planner_events TO service_role;
