// Every queue the app uses: its name (written here only), its payload schema and its retry policy.
// Handlers live with their feature and import the name and payload type from here.
import type PgBoss from "pg-boss";
import { z } from "zod";

export const JOBS = {
  generateVideo: "generate-video",
  sendReminder: "send-reminder",
  moderateComment: "moderate-comment",
  backup: "backup",
  renderVideo: "render-video",
  cardsAutoFit: "cards-auto-fit",
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

/** What each queue's job carries; the in-transaction senders parse it, so a wrong payload never gets queued. */
export const JOB_PAYLOADS = {
  [JOBS.generateVideo]: z.object({ videoId: z.guid() }),
  [JOBS.sendReminder]: z.object({
    eventId: z.guid(),
    userId: z.guid(),
    /** The occurrence's start (ISO). */
    occurrence: z.iso.datetime(),
    minutes: z.int().nonnegative(),
    /** The event's updated_at when the job was scheduled (ISO). */
    revision: z.iso.datetime(),
  }),
  [JOBS.moderateComment]: z.object({ commentId: z.guid() }),
  // Scheduled by cron (backup/feature.ts) with an empty payload.
  [JOBS.backup]: z.object({}),
  [JOBS.renderVideo]: z.object({ videoId: z.guid() }),
  // Scheduled by cron (cards/auto-fit.ts) with an empty payload.
  [JOBS.cardsAutoFit]: z.object({}),
} satisfies Record<JobName, z.ZodType<object>>;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;

export const QUEUES: Array<{ name: JobName } & PgBoss.Queue> = [
  // Generation: a few retries with backoff for transient provider errors; the handler decides what is final.
  { name: JOBS.generateVideo, retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: 15 * 60 },
  // Reminders: scheduled with startAfter; a singleton key per reminder keeps them exactly-once.
  { name: JOBS.sendReminder, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  { name: JOBS.moderateComment, retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  // Scheduled backups (BACKUP_CRON): one retry; a dump of a large database may take a while.
  { name: JOBS.backup, retryLimit: 1, retryDelay: 60, expireInSeconds: 3600 },
  // Videos of published lessons (media/render): a slow speech server or a busy machine deserves a
  // second try; the handler fails for good what retrying cannot fix (garbage audio, a refusal).
  { name: JOBS.renderVideo, retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 30 * 60 },
  // Scheduled FSRS re-fits (CARDS_AUTO_FIT_CRON): no retry, the next run picks up whoever is still due;
  // a run is bounded (CARDS_AUTO_FIT_PER_RUN fits of at most two minutes each).
  { name: JOBS.cardsAutoFit, retryLimit: 0, expireInSeconds: 3600 },
];

/** The retry limit of a queue, for handlers that decide on the last attempt what is final. */
export const retryLimitOf = (name: JobName) => QUEUES.find((q) => q.name === name)?.retryLimit ?? 0;
