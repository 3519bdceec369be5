-- The feed cache (videos/feed-cache.ts) drops its pages when a lesson appears, goes away, or changes
-- anything a feed card or the feed's filters and search show. Counters (views, ratings, comments)
-- change constantly and do not notify: cached pages may show them up to the cache's TTL old.
-- Identical notifications in one transaction are delivered once, so a bulk change costs one.
CREATE OR REPLACE FUNCTION public.videos_feed_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM pg_notify('lm_feed', '');
  RETURN NULL;
END $$;

CREATE TRIGGER videos_feed_inserted_or_deleted AFTER INSERT OR DELETE ON public.videos
  FOR EACH ROW EXECUTE FUNCTION public.videos_feed_changed();
CREATE TRIGGER videos_feed_updated AFTER UPDATE ON public.videos
  FOR EACH ROW WHEN (
    (NEW.status, NEW.title, NEW.tags, NEW.subject, NEW.difficulty, NEW.topic, NEW.thumbnail_url,
     NEW.script_summary, NEW.key_points, NEW.created_by)
    IS DISTINCT FROM
    (OLD.status, OLD.title, OLD.tags, OLD.subject, OLD.difficulty, OLD.topic, OLD.thumbnail_url,
     OLD.script_summary, OLD.key_points, OLD.created_by))
  EXECUTE FUNCTION public.videos_feed_changed();

-- A creator's new name or avatar colour shows on their cards.
CREATE TRIGGER users_feed_updated AFTER UPDATE ON public.users
  FOR EACH ROW WHEN ((NEW.display_name, NEW.avatar_color) IS DISTINCT FROM (OLD.display_name, OLD.avatar_color))
  EXECUTE FUNCTION public.videos_feed_changed();
