// Reminders: pg-boss jobs scheduled (startAfter) for each reminder of an event's next occurrence.
//
// Design, and why it is exactly-once:
// - Jobs are written in the same transaction as the event change, through the one job module
//   (jobs/in-transaction.ts, which checks each payload against the queue's schema), so an event and
//   its reminders commit or roll back together; edits and deletes cancel the pending jobs in that
//   same transaction and schedule new ones.
// - A job id is derived from (event, revision, occurrence, minutes): two processes scheduling the
//   same reminder produce one job (pg-boss inserts with ON CONFLICT DO NOTHING).
// - When a job fires it re-reads the event and does nothing unless the event still exists, still
//   has that reminder and still has that occurrence: a job that escaped cancellation is harmless.
// - The notification insert is keyed by (event, occurrence, minutes) (notifications.dedupe_key),
//   so retries, a second worker or a job surviving a restart can never notify twice.
// - Recurring events keep one pending job per reminder: when it fires, the job schedules the
//   next occurrence's (only while the event is unchanged; an edit starts a fresh chain).
import { createHash } from "node:crypto";
import { countOf, isFormattableLocale } from "@lm/core";
import type { AppContext } from "../context.js";
import type { Queryable } from "../db/index.js";
import { cancelAsUser, type ScheduledJob, scheduleAsService, scheduleAsUser } from "../jobs/in-transaction.js";
import { JOBS, type JobPayload } from "../jobs/queues.js";
import { markEmailed, notifyOnce } from "../notifications/service.js";
import { observeReminderLag } from "../observability/metrics.js";
import { expandOccurrences } from "./domain/recurrence.js";
import { isValidTimeZone } from "./domain/tz.js";
import { isOccurrenceCompleted } from "./presenter.js";
import * as repo from "./repository.js";
import type { EventRow } from "./repository.js";

const REMINDER_QUEUE = JOBS.sendReminder;
const BATCH = 50;
const PARALLEL = 5;

/** Which reminder of which occurrence, and the event's revision it was scheduled from (jobs/queues.ts). */
export type ReminderJob = JobPayload<typeof REMINDER_QUEUE>;

/** The zone a recurring event expands in: its own (imported TZID), else its owner's. */
export function zoneOf(row: Pick<EventRow, "time_zone">, ownerZone: string | null | undefined): string {
  if (row.time_zone && isValidTimeZone(row.time_zone)) return row.time_zone;
  return ownerZone && isValidTimeZone(ownerZone) ? ownerZone : "UTC";
}

export function occurrencesOf(row: EventRow, tz: string, range: { from?: Date; to?: Date }, max?: number) {
  return expandOccurrences(
    {
      startDate: row.start_date,
      endDate: row.end_date,
      rrule: row.rrule,
      timeZone: tz,
      allDay: row.all_day,
      exdates: row.exdates,
    },
    range,
    { max },
  );
}

/** The first occurrence starting at or after `after`. */
function nextOccurrence(row: EventRow, tz: string, after: Date): Date | null {
  if (!row.rrule) return row.start_date.getTime() >= after.getTime() ? row.start_date : null;
  // Overlap semantics would also return occurrences still running at `after`; skip those.
  const occs = occurrencesOf(row, tz, { from: after }, 64);
  return occs.find((o) => o.start.getTime() >= after.getTime())?.start ?? null;
}

function jobId(eventId: string, revision: string, occurrence: string, minutes: number): string {
  const h = createHash("sha256").update(`${eventId}|${revision}|${occurrence}|${minutes}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Jobs for the next occurrence at or after `after` (default now), one per reminder. */
export function jobsFor(row: EventRow, tz: string, after = new Date()): ScheduledJob<typeof REMINDER_QUEUE>[] {
  if (row.reminders.length === 0 || (!row.rrule && row.is_completed)) return [];
  const occ = nextOccurrence(row, tz, after);
  if (!occ) return [];
  const now = Date.now();
  const revision = row.updated_at.toISOString();
  const occurrence = occ.toISOString();
  return [...new Set(row.reminders)].map((minutes) => ({
    id: jobId(row.id, revision, occurrence, minutes),
    data: { eventId: row.id, userId: row.user_id, occurrence, minutes, revision },
    // A reminder whose moment has passed but whose occurrence has not still goes out, at once.
    startAfter: new Date(Math.max(now, occ.getTime() - minutes * 60_000)),
  }));
}

export class Reminders {
  constructor(private readonly ctx: AppContext) {}

  /** Schedules the reminders of `rows` inside the caller's transaction (acting as `userId`). */
  async schedule(tx: Queryable, userId: string, rows: EventRow[], tz: (row: EventRow) => string) {
    const jobs = rows.flatMap((row) => jobsFor(row, tz(row)));
    await scheduleAsUser(this.ctx.queue, tx, userId, REMINDER_QUEUE, jobs);
  }

  /** Cancels the pending jobs of `row` as it was before an edit or delete (same transaction). */
  async cancel(tx: Queryable, userId: string, row: EventRow, tz: string) {
    const ids = jobsFor(row, tz).map((j) => j.id);
    await cancelAsUser(this.ctx.queue, tx, userId, REMINDER_QUEUE, ids);
  }

  /**
   * Workers. Reminders come in bursts (everyone's 09:00 class has a 08:45 reminder), so each fetch
   * takes up to BATCH due jobs and runs PARALLEL at a time; only the ones that throw are retried.
   */
  async start() {
    await this.ctx.queue.work<ReminderJob>(
      REMINDER_QUEUE,
      { concurrency: 1, batchSize: BATCH, parallel: PARALLEL },
      async (data, job) => {
        try {
          await this.fire(data);
        } catch (err) {
          this.ctx.log.warn({ err, jobId: job.id }, "reminder failed; will retry");
          throw err;
        }
      },
    );
  }

  /** Handles one due reminder. Safe to run twice or late: see the design note at the top. */
  async fire(job: ReminderJob): Promise<void> {
    const occurrence = new Date(job.occurrence);
    const outcome = await this.ctx.db.asService(async (tx) => {
      const row = await repo.findById(tx, job.userId, job.eventId);
      if (!row?.reminders.includes(job.minutes)) return null;
      const owner = await repo.ownerSettings(tx, row.user_id);
      const tz = zoneOf(row, owner?.time_zone);
      const stillThere = row.rrule
        ? occurrencesOf(row, tz, { from: occurrence, to: occurrence }, 8).some(
            (o) => o.start.getTime() === occurrence.getTime(),
          )
        : row.start_date.getTime() === occurrence.getTime();
      if (!stillThere) return null;
      // The next link of a recurring chain, written atomically with this notification.
      if (row.rrule && row.updated_at.toISOString() === job.revision) {
        const next = jobsFor(row, tz, new Date(Math.max(occurrence.getTime() + 1, Date.now()))).filter(
          (j) => j.data.minutes === job.minutes,
        );
        await scheduleAsService(this.ctx.queue, tx, REMINDER_QUEUE, next);
      }
      const done = row.rrule ? isOccurrenceCompleted(row, occurrence) : row.is_completed;
      if (done) return null;
      const notification = await notifyOnce(tx, {
        userId: row.user_id,
        kind: "reminder",
        title: `Reminder: ${row.title}`,
        body: describeStart(occurrence, tz, leadMinutes(occurrence, job.minutes), owner?.locale),
        data: { eventId: row.id, occurrenceDate: job.occurrence, minutes: job.minutes },
        dedupeKey: `reminder:${row.id}:${job.occurrence}:${job.minutes}`,
      });
      return { notification, owner };
    });
    // Due at occurrence − minutes, or when it was scheduled (the revision) if that came later.
    if (outcome?.notification.inserted)
      observeReminderLag(Math.max(occurrence.getTime() - job.minutes * 60_000, Date.parse(job.revision)));
    if (!outcome?.owner?.email_reminders || outcome.notification.emailed_at) return;
    // Mailed after the commit; emailed_at is set only once the SMTP server took it, so a failed
    // mail is retried with the job while the notification itself stays single.
    const n = outcome.notification;
    await this.ctx.mailer.send({
      to: outcome.owner.email,
      subject: n.title,
      text: `${n.body}\n\n${this.ctx.config.appUrl}/planner`,
    });
    await this.ctx.db.asService((tx) => markEmailed(tx, n.id));
  }
}

/**
 * How far ahead the reminder speaks of: its own lead when on time, the real time left when it goes
 * out late (one added 40 minutes before the start says "in 40 minutes", not "in 1 hour").
 */
export function leadMinutes(occurrence: Date, minutes: number, now = Date.now()): number {
  const left = Math.max(0, Math.round((occurrence.getTime() - now) / 60_000));
  return Math.min(minutes, left);
}

/** "Starts in 10 minutes, at 4 Dec 2026, 16:34." in the student's zone and language (en-GB when unknown). */
export function describeStart(start: Date, tz: string, minutes: number, locale?: string | null): string {
  const lang = locale && isFormattableLocale(locale) ? locale : "en-GB";
  const when = new Intl.DateTimeFormat(lang, { timeZone: tz, dateStyle: "medium", timeStyle: "short" }).format(start);
  if (minutes === 0) return `Starts now (${when}).`;
  const lead =
    minutes % 1440 === 0
      ? countOf(minutes / 1440, "day")
      : minutes % 60 === 0
        ? countOf(minutes / 60, "hour")
        : countOf(minutes, "minute");
  return `Starts in ${lead}, at ${when}.`;
}
