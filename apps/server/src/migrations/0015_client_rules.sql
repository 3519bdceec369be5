-- Clients may talk to the database directly (on Supabase: PostgREST with the user's JWT, acting as
-- `anon` or `authenticated`), so the database refuses whatever the API refuses. Policies check the
-- row a client writes against what that client may see (the subqueries run under the other
-- tables' RLS, so "visible" means exactly what the SELECT policies say); what a policy cannot
-- express — moderation state, status transitions — is kept by column grants and guard triggers.
-- test/rls-matrix.test.ts is the table of who may do what.

-- Internal functions are not the clients' to call: lm_emit would push any event to any user's
-- socket, refresh_trending_scores rewrites every score. Trigger functions need no EXECUTE grant
-- to fire. Functions created later by this role start closed too; a client-callable one is
-- granted explicitly (and listed in the matrix test).
DO $$
DECLARE fn regprocedure;
BEGIN
  FOR fn IN
    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'auth') AND p.prokind IN ('f', 'p')
       AND p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('REVOKE ALL ON ROUTINE %s FROM PUBLIC, anon, authenticated', fn);
    EXECUTE format('GRANT EXECUTE ON ROUTINE %s TO service_role', fn);
  END LOOP;
END $$;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC;
-- What clients do call: the claims helpers (policies run them as the caller), the public rating
-- distribution, and lm_join (the generated search column evaluates it as the inserting role).
GRANT EXECUTE ON FUNCTION auth.claims(), auth.uid(), auth.is_moderator(), public.lm_join(text[]),
  public.rating_distribution(uuid) TO anon, authenticated, service_role;

-- pg_notify is PUBLIC by default: anyone could post to lm_events. Only the owner (the definer
-- triggers) and service_role keep it. Changing a pg_catalog function's grants needs a superuser;
-- a managed database without one keeps the default (PostgREST does not expose pg_catalog anyway).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT EXECUTE ON FUNCTION pg_notify(text, text) TO %I, service_role', current_user);
    REVOKE EXECUTE ON FUNCTION pg_notify(text, text) FROM PUBLIC;
  ELSE
    RAISE NOTICE 'pg_notify stays executable by PUBLIC: changing it needs a superuser';
  END IF;
END $$;

-- Comments. The server moderates text before it is shown and stores the verdict itself (as
-- service_role): clients write only the text. Text written straight to the database was never
-- moderated, so it is hidden and queued for a moderator; that also covers an author editing a
-- rejected or approved comment.
REVOKE INSERT (is_hidden, moderation_status, moderation_reason) ON public.comments FROM authenticated;
REVOKE UPDATE (is_hidden, moderation_status, moderation_reason) ON public.comments FROM authenticated;

CREATE OR REPLACE FUNCTION public.comments_client_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- current_user: the role writing (definer triggers and the server's own roles pass through).
  IF current_user NOT IN ('anon', 'authenticated') THEN
    RETURN NEW;
  END IF;
  NEW.is_hidden := true;
  NEW.moderation_status := 'FLAGGED';
  NEW.moderation_reason := 'Waiting for a moderator''s review.';
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION public.comments_client_write() FROM PUBLIC, anon, authenticated;
CREATE TRIGGER comments_client_write BEFORE INSERT OR UPDATE OF text ON public.comments
  FOR EACH ROW EXECUTE FUNCTION public.comments_client_write();

-- Comment on a lesson you can see (PUBLIC, your own, or any for moderators), as yourself.
ALTER POLICY "Authenticated users can comment" ON public.comments WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = comments.video_id));
ALTER POLICY "Authors edit own comments" ON public.comments USING (auth.uid() = user_id) WITH CHECK (
  auth.uid() = user_id AND EXISTS (SELECT 1 FROM public.videos v WHERE v.id = comments.video_id));

-- Report a comment you can see that is not yours.
ALTER POLICY "Users report as themselves" ON public.comment_reports WITH CHECK (
  auth.uid() = user_id AND EXISTS (
    SELECT 1 FROM public.comments c WHERE c.id = comment_reports.comment_id AND c.user_id <> auth.uid()));

-- Rate a lesson you can see that is not yours; changing the stars later needs the same.
ALTER POLICY "Users can rate videos" ON public.ratings WITH CHECK (
  auth.uid() = user_id AND EXISTS (
    SELECT 1 FROM public.videos v WHERE v.id = ratings.video_id AND v.created_by <> auth.uid()));
ALTER POLICY "Users change own ratings" ON public.ratings USING (auth.uid() = user_id) WITH CHECK (
  auth.uid() = user_id AND EXISTS (
    SELECT 1 FROM public.videos v WHERE v.id = ratings.video_id AND v.created_by <> auth.uid()));

-- Report a published lesson that is not yours.
ALTER POLICY "Users report as themselves" ON public.video_reports WITH CHECK (
  auth.uid() = user_id AND EXISTS (
    SELECT 1 FROM public.videos v
     WHERE v.id = video_reports.video_id AND v.status = 'PUBLIC' AND v.created_by <> auth.uid()));

-- A planner event links only to another event of the same owner. The one FOR ALL policy is split
-- by command: a policy whose check reads its own table must not also apply to that read (PostgreSQL
-- would report infinite recursion), so the link check lives on INSERT and UPDATE only.
DROP POLICY "Users can access own events" ON public.planner_events;
CREATE POLICY "Users see own events" ON public.planner_events FOR SELECT USING (auth.uid() = user_id);
CREATE POLICY "Users delete own events" ON public.planner_events FOR DELETE USING (auth.uid() = user_id);
CREATE POLICY "Users create own events" ON public.planner_events FOR INSERT WITH CHECK (
  auth.uid() = user_id AND (
    linked_event_id IS NULL OR EXISTS (
      SELECT 1 FROM public.planner_events e WHERE e.id = planner_events.linked_event_id AND e.user_id = auth.uid())));
CREATE POLICY "Users edit own events" ON public.planner_events FOR UPDATE USING (auth.uid() = user_id) WITH CHECK (
  auth.uid() = user_id AND (
    linked_event_id IS NULL OR (
      linked_event_id <> id AND EXISTS (
        SELECT 1 FROM public.planner_events e WHERE e.id = planner_events.linked_event_id AND e.user_id = auth.uid()))));

-- Videos: the creator may switch a published lesson between PUBLIC and PRIVATE (status and
-- visibility together) and retry a FAILED generation (PENDING, reason and attempts cleared).
-- Every other status, failure_reason and attempts belong to the worker and the moderators: a
-- REJECTED lesson stays rejected, a PENDING one is not published before it exists.
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
  IF (NEW.failure_reason, NEW.attempts) IS DISTINCT FROM (OLD.failure_reason, OLD.attempts)
     AND NOT (retry AND NEW.failure_reason IS NULL AND NEW.attempts = 0) THEN
    RAISE EXCEPTION 'failure_reason and attempts change only by a retry'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.status, NEW.visibility) IS DISTINCT FROM (OLD.status, OLD.visibility)
     AND NEW.status IN ('PUBLIC', 'PRIVATE') AND NEW.visibility <> NEW.status THEN
    RAISE EXCEPTION 'a published video''s status and visibility change together'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION public.videos_client_write() FROM PUBLIC, anon, authenticated;
CREATE TRIGGER videos_client_write BEFORE UPDATE ON public.videos
  FOR EACH ROW EXECUTE FUNCTION public.videos_client_write();
