// Queue statements inside the caller's transaction, so a job exists exactly when the row that
// asked for it does: a rolled-back insert leaves no job, a committed one never misses its job.
import type PgBoss from "pg-boss";
import { actAs, type Queryable } from "../db/index.js";
import type { Queue } from "./queue.js";
import type { JobName } from "./queues.js";

/**
 * Runs pg-boss statements inside `tx`. The transaction may be acting as a client role (RLS); the
 * queue tables belong to the connection's own role, so switch for the call and `restore` the role
 * after (`none` resets to the login role, which any role may do).
 */
export async function inQueueRole<T>(tx: Queryable, restore: () => Promise<void>, fn: (db: PgBoss.Db) => Promise<T>) {
  await tx.query("select set_config('role', 'none', true)");
  try {
    return await fn({
      executeSql: async (text, values) => ({
        rows: values?.length ? await tx.query(text, values) : await tx.exec(text),
      }),
    });
  } finally {
    await restore();
  }
}

/** Queues one job in `tx`, which acts as the student `userId` (as `withUser` left it). */
export function sendAsUser<T extends object>(queue: Queue, tx: Queryable, userId: string, name: JobName, data: T) {
  return inQueueRole(
    tx,
    () => actAs(tx, "authenticated", userId),
    (db) => queue.boss.send(name, data, { db }),
  );
}

/** Queues one job in `tx`, a service transaction (`asService`): a worker's write, a publication. */
export function sendAsService<T extends object>(queue: Queue, tx: Queryable, name: JobName, data: T) {
  return inQueueRole(
    tx,
    () => actAs(tx, "service_role"),
    (db) => queue.boss.send(name, data, { db }),
  );
}
