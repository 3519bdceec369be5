// Every queue the app uses, with its retry policy. Handlers live with their feature.
import type PgBoss from "pg-boss";

export const QUEUES: Array<{ name: string } & PgBoss.Queue> = [
  // Generation: a few retries with backoff for transient provider errors; the handler decides what is final.
  { name: "generate-video", retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: 15 * 60 },
  // Reminders: scheduled with startAfter; a singleton key per reminder keeps them exactly-once.
  { name: "send-reminder", retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  { name: "moderate-comment", retryLimit: 2, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  // Scheduled backups (BACKUP_CRON): one retry; a dump of a large database may take a while.
  { name: "backup", retryLimit: 1, retryDelay: 60, expireInSeconds: 3600 },
  // Videos of published lessons (media/render): a slow speech server or a busy machine deserves a
  // second try; the handler fails for good what retrying cannot fix (garbage audio, a refusal).
  { name: "render-video", retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 30 * 60 },
];
