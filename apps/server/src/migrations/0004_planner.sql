-- Planner: per-event time zones and excluded occurrences (from imported calendars), re-import
-- dedupe, range-query indexes, reminder e-mail bookkeeping and calendar-feed token derivation.

-- The zone an imported event was written in (its DTSTART TZID). NULL: the event follows the
-- owner's preferences.timeZone, which is what events created through the API do.
ALTER TABLE public.planner_events ADD COLUMN time_zone text;
-- Occurrence starts removed from a series (RFC 5545 EXDATE, cancelled occurrences on import).
ALTER TABLE public.planner_events ADD COLUMN exdates timestamptz[] NOT NULL DEFAULT '{}';

-- Re-importing the same file updates events instead of duplicating them. NULL uids stay distinct.
CREATE UNIQUE INDEX planner_events_user_ical_uid ON public.planner_events (user_id, ical_uid);
-- Range queries: start_date <= to (idx_planner_user_date) and series_end >= from.
CREATE INDEX planner_events_user_series_end ON public.planner_events (user_id, series_end);
-- Study plans list the sessions linked to an exam.
CREATE INDEX planner_events_linked ON public.planner_events (linked_event_id) WHERE linked_event_id IS NOT NULL;

-- Set once the reminder e-mail went out, so a retried job mails again only if the mail failed.
ALTER TABLE public.notifications ADD COLUMN emailed_at timestamptz;

-- The feed token is HMAC(server secret, salt): the database keeps the salt and the token's
-- sha256, never the token, yet the same URL can be shown again.
ALTER TABLE auth.calendar_tokens ADD COLUMN salt text;
