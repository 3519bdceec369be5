// Connects one context to the operational metrics: its database pool and, where this process runs
// workers, the job backlog (one reporter per worker process, so dashboards take the max by queue).
import type { AppContext } from "../context.js";
import { QUEUES } from "../jobs/queues.js";
import { type QueueBacklog, trackBacklog, trackPool } from "./metrics.js";

// Due jobs only: a reminder scheduled for next week is not waiting. `state < 'active'` is pg-boss's
// own test for "not yet picked up" (created or retry), which the (name, state) index serves.
const BACKLOG_SQL = `
  select name as queue,
         count(*)::int as waiting,
         coalesce(extract(epoch from now() - min(start_after)), 0)::float8 as oldest
    from pgboss.job
   where state < 'active' and start_after <= now()
   group by name`;

export async function readBacklog(ctx: Pick<AppContext, "db">): Promise<QueueBacklog[]> {
  const rows = await ctx.db.query<{ queue: string; waiting: number; oldest: number }>(BACKLOG_SQL);
  const found = new Map(rows.map((r) => [r.queue, r]));
  // Every known queue appears, at 0 when idle, so an alert's series never vanishes.
  return QUEUES.map(({ name }) => ({
    queue: name,
    waiting: found.get(name)?.waiting ?? 0,
    oldestSeconds: found.get(name)?.oldest ?? 0,
  }));
}

export function watchContext(ctx: AppContext): void {
  const pool = ctx.db.poolStats;
  if (pool) ctx.closers.push(trackPool(() => pool()));
  if (ctx.runsWorkers) ctx.closers.push(trackBacklog(() => readBacklog(ctx)));
}
