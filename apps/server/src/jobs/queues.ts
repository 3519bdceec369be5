// Every queue the app uses: its name (written here only) and its retry policy. Handlers live with
// their feature and import the name from here.
import type PgBoss from "pg-boss";

export const JOBS = {
  generateVideo: "generate-video",
  sendReminder: "send-reminder",
  moderateComment: "moderate-comment",
  backup: "backup",
  renderVideo: "render-video",
  cardsAutoFit: "cards-auto-fit",
} as const;
export type JobName = (typeof JOBS)[keyof typeof JOBS];

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
