// Backups inside the app: the control endpoint for `npm run backup` on the embedded database, and
// the worker's scheduled backups (BACKUP_CRON through pg-boss, so one worker runs each, with
// BACKUP_KEEP kept in BACKUP_DIR).
import type { Feature } from "../feature.js";
import { JOBS } from "../jobs/queues.js";
import { startControl } from "./control.js";
import { createBackup, pruneBackups } from "./snapshot.js";

const BACKUP_QUEUE = JOBS.backup;

export const backupFeature: Feature = {
  name: "backup",
  async init(ctx) {
    const { backup, dataDir } = ctx.config;
    if (ctx.db.driver === "pglite" && dataDir) await startControl(ctx, dataDir);
    if (!ctx.runsWorkers) return;
    await ctx.queue.work(BACKUP_QUEUE, { concurrency: 1 }, async () => {
      const made = await createBackup(ctx, backup.dir);
      const removed = await pruneBackups(backup.dir, backup.keep);
      ctx.log.info({ backup: made, removed }, "backup written");
    });
    if (backup.cron) await ctx.queue.boss.schedule(BACKUP_QUEUE, backup.cron, {}, { tz: "UTC" });
    else await ctx.queue.boss.unschedule(BACKUP_QUEUE);
  },
};
