// Periodic clean-up that needs no queue: each run is idempotent, so every worker may run it and two
// runs at once only share the work.
import type { AppContext } from "../context.js";
import { purgeExpiredIdempotencyKeys } from "../http/idempotency.js";

export function startHousekeeping(ctx: AppContext) {
  const run = async () => {
    try {
      const purged = await purgeExpiredIdempotencyKeys(ctx.db);
      if (purged > 0) ctx.log.info({ purged }, "expired idempotency records purged");
    } catch (err) {
      // The database may be away for a moment; the next run catches up.
      ctx.log.warn({ err }, "idempotency purge failed");
    }
  };
  const timer = setInterval(run, ctx.config.idempotencyPurgeIntervalMs);
  timer.unref();
  ctx.closers.push(async () => clearInterval(timer));
}
