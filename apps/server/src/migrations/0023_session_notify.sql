-- The per-process session cache (auth/session-cache.ts) drops an entry the moment its session ends
-- or its user's role, verification or existence changes, on every instance: revocation stays
-- instant although most requests no longer read auth.sessions.
CREATE OR REPLACE FUNCTION auth.session_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = auth, public AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('lm_session', 's:' || OLD.id::text);
  ELSE
    PERFORM pg_notify('lm_session', 'u:' || OLD.id::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_cache_ended AFTER UPDATE ON auth.sessions
  FOR EACH ROW WHEN (NEW.ended_at IS DISTINCT FROM OLD.ended_at)
  EXECUTE FUNCTION auth.session_changed();
CREATE TRIGGER sessions_cache_deleted AFTER DELETE ON auth.sessions
  FOR EACH ROW EXECUTE FUNCTION auth.session_changed();
CREATE TRIGGER users_cache_changed AFTER UPDATE ON public.users
  FOR EACH ROW WHEN ((NEW.role, NEW.email_verified) IS DISTINCT FROM (OLD.role, OLD.email_verified))
  EXECUTE FUNCTION auth.session_changed();
CREATE TRIGGER users_cache_deleted AFTER DELETE ON public.users
  FOR EACH ROW EXECUTE FUNCTION auth.session_changed();
