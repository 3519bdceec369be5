// SQL for planner events. Request paths run inside db.withUser, so RLS limits every statement
// to the caller's rows; the explicit user_id filters are a second lock on the same door.
import { one, type Queryable } from "../db/index.js";

export interface EventRow {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  subject: string | null;
  type: string;
  start_date: Date;
  end_date: Date | null;
  all_day: boolean;
  is_completed: boolean;
  reminders: number[];
  rrule: string | null;
  completed_occurrences: Date[];
  exdates: Date[];
  series_end: Date | null;
  linked_event_id: string | null;
  ical_uid: string | null;
  time_zone: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Everything a write may set; series_end is computed by the service. */
export interface EventValues {
  title: string;
  description: string | null;
  subject: string | null;
  type: string;
  startDate: Date;
  endDate: Date | null;
  allDay: boolean;
  isCompleted: boolean;
  reminders: number[];
  rrule: string | null;
  completedOccurrences: Date[];
  exdates: Date[];
  seriesEnd: Date | null;
  linkedEventId: string | null;
  icalUid: string | null;
  timeZone: string | null;
}

const COLUMNS = `id, user_id, title, description, subject, type, start_date, end_date, all_day, is_completed,
  reminders, rrule, completed_occurrences, exdates, series_end, linked_event_id, ical_uid, time_zone,
  created_at, updated_at`;

const WRITE_COLUMNS = `title, description, subject, type, start_date, end_date, all_day, is_completed, reminders,
  rrule, completed_occurrences, exdates, series_end, linked_event_id, ical_uid, time_zone`;

const params = (v: EventValues) => [
  v.title,
  v.description,
  v.subject,
  v.type,
  v.startDate,
  v.endDate,
  v.allDay,
  v.isCompleted,
  v.reminders,
  v.rrule,
  v.completedOccurrences,
  v.exdates,
  v.seriesEnd,
  v.linkedEventId,
  v.icalUid,
  v.timeZone,
];

export interface RangeFilter {
  from?: Date;
  to?: Date;
  subject?: string;
  type?: string;
}

// Two days of slack on series_end: it was computed in the zone in force at write time, and the
// owner may have changed zone since. The service filters exactly after expanding.
const SLACK = "interval '2 days'";

/** Candidate events for a range (a superset; the service expands and filters exactly). */
export function listCandidates(tx: Queryable, userId: string, f: RangeFilter) {
  return tx.query<EventRow>(
    `select ${COLUMNS} from public.planner_events
      where user_id = $1
        and ($2::timestamptz is null or start_date <= $2)
        and ($3::timestamptz is null or coalesce(series_end, 'infinity') >= $3::timestamptz - ${SLACK})
        and ($4::text is null or subject = $4)
        and ($5::text is null or type = $5)
      order by start_date, id`,
    [userId, f.to ?? null, f.from ?? null, f.subject ?? null, f.type ?? null],
  );
}

/** Every event of the user (calendar feed, stats). Goes through RLS like everything else. */
export const listAll = (tx: Queryable, userId: string) =>
  tx.query<EventRow>(`select ${COLUMNS} from public.planner_events where user_id = $1 order by start_date, id`, [
    userId,
  ]);

export const findById = (tx: Queryable, userId: string, id: string) =>
  one<EventRow>(tx, `select ${COLUMNS} from public.planner_events where id = $1 and user_id = $2`, [id, userId]);

/** Locks the row for a read-modify-write (occurrence completion, edits). */
export const findForUpdate = (tx: Queryable, userId: string, id: string) =>
  one<EventRow>(tx, `select ${COLUMNS} from public.planner_events where id = $1 and user_id = $2 for update`, [
    id,
    userId,
  ]);

export const insertEvent = async (tx: Queryable, userId: string, v: EventValues) =>
  (await one<EventRow>(
    tx,
    `insert into public.planner_events (user_id, ${WRITE_COLUMNS})
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     returning ${COLUMNS}`,
    [userId, ...params(v)],
  )) as EventRow;

export const updateEvent = (tx: Queryable, userId: string, id: string, v: EventValues) =>
  one<EventRow>(
    tx,
    `update public.planner_events set (${WRITE_COLUMNS}) =
       ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     where id = $1 and user_id = $2 returning ${COLUMNS}`,
    [id, userId, ...params(v)],
  );

export const deleteEvent = (tx: Queryable, userId: string, id: string) =>
  one<EventRow>(tx, `delete from public.planner_events where id = $1 and user_id = $2 returning ${COLUMNS}`, [
    id,
    userId,
  ]);

/**
 * Inserts or (same UID) replaces imported events in one statement. Per-occurrence completions
 * the student made survive a re-import; everything the file describes is taken from the file.
 */
export function upsertImported(tx: Queryable, userId: string, rows: EventValues[]) {
  // One JSON parameter instead of 16 × n placeholders; dates serialise as ISO strings.
  const json = JSON.stringify(rows);
  return tx.query<EventRow>(
    `insert into public.planner_events (user_id, ${WRITE_COLUMNS})
     select $1, r.title, r.description, r.subject, r.type, r."startDate", r."endDate", r."allDay", r."isCompleted",
            r.reminders, r.rrule, r."completedOccurrences", r.exdates, r."seriesEnd", r."linkedEventId",
            r."icalUid", r."timeZone"
       from jsonb_to_recordset($2::jsonb) as r(
         title text, description text, subject text, type text, "startDate" timestamptz, "endDate" timestamptz,
         "allDay" boolean, "isCompleted" boolean, reminders integer[], rrule text,
         "completedOccurrences" timestamptz[], exdates timestamptz[], "seriesEnd" timestamptz,
         "linkedEventId" uuid, "icalUid" text, "timeZone" text)
     on conflict (user_id, ical_uid) do update set
       title = excluded.title, description = excluded.description, start_date = excluded.start_date,
       -- Fill in a type and subject the file now tells, never overwrite the student's own choice.
       type = case when planner_events.type = 'OTHER' then excluded.type else planner_events.type end,
       subject = coalesce(planner_events.subject, excluded.subject),
       end_date = excluded.end_date, all_day = excluded.all_day, reminders = excluded.reminders,
       rrule = excluded.rrule, exdates = excluded.exdates, series_end = excluded.series_end,
       time_zone = excluded.time_zone
     returning ${COLUMNS}`,
    [userId, json],
  );
}

/** Zone and e-mail settings of the owner (their own row; RLS lets them read it). */
export const ownerSettings = (tx: Queryable, userId: string) =>
  one<{ email: string; time_zone: string | null; locale: string | null; email_reminders: boolean | null }>(
    tx,
    `select email, preferences->>'timeZone' as time_zone, preferences->>'locale' as locale,
            (preferences->>'emailReminders')::boolean as email_reminders
       from public.users where id = $1`,
    [userId],
  );
