// Queue statements inside the caller's transaction, so a job exists exactly when the row that
// asked for it does: a rolled-back insert leaves no job, a committed one never misses its job.
// Every job of the app is queued or cancelled here, its payload checked against its queue's schema.
import type PgBoss from "pg-boss";
import { actAs, type Queryable } from "../db/index.js";
import type { Queue } from "./queue.js";
import { JOB_PAYLOADS, type JobName, type JobPayload } from "./queues.js";

/**
 * Runs pg-boss statements inside `tx`. The transaction may be acting as a client role (RLS); the
 * queue tables belong to the connection's own role, so switch for the call and `restore` the role
 * after (`none` resets to the login role, which any role may do).
 */
async function inQueueRole<T>(tx: Queryable, restore: () => Promise<void>, fn: (db: PgBoss.Db) => Promise<T>) {
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

const asUser = (tx: Queryable, userId: string) => () => actAs(tx, "authenticated", userId);
const asService = (tx: Queryable) => () => actAs(tx, "service_role");

const checked = <N extends JobName>(name: N, data: JobPayload<N>): JobPayload<N> =>
  JOB_PAYLOADS[name].parse(data) as JobPayload<N>;

/** Queues one job in `tx`, which acts as the student `userId` (as `withUser` left it). */
export function sendAsUser<N extends JobName>(
  queue: Queue,
  tx: Queryable,
  userId: string,
  name: N,
  data: JobPayload<N>,
) {
  return inQueueRole(tx, asUser(tx, userId), (db) => queue.boss.send(name, checked(name, data), { db }));
}

/** Queues one job in `tx`, a service transaction (`asService`): a worker's write, a publication. */
export function sendAsService<N extends JobName>(queue: Queue, tx: Queryable, name: N, data: JobPayload<N>) {
  return inQueueRole(tx, asService(tx), (db) => queue.boss.send(name, checked(name, data), { db }));
}

/** A job due later, under an id of the caller's choosing: queueing the same id twice queues it once. */
export interface ScheduledJob<N extends JobName> {
  id: string;
  data: JobPayload<N>;
  startAfter: Date;
}

function insert<N extends JobName>(queue: Queue, db: PgBoss.Db, name: N, jobs: ScheduledJob<N>[]) {
  const rows = jobs.map((j) => ({ id: j.id, name, data: checked(name, j.data), startAfter: j.startAfter }));
  // One statement for the batch; pg-boss inserts with ON CONFLICT DO NOTHING on the id.
  return queue.boss.insert(rows, { db });
}

/** Schedules jobs in `tx`, which acts as the student `userId`. */
export async function scheduleAsUser<N extends JobName>(
  queue: Queue,
  tx: Queryable,
  userId: string,
  name: N,
  jobs: ScheduledJob<N>[],
) {
  if (jobs.length > 0) await inQueueRole(tx, asUser(tx, userId), (db) => insert(queue, db, name, jobs));
}

/** Schedules jobs in `tx`, a service transaction (a worker scheduling the next one of a chain). */
export async function scheduleAsService<N extends JobName>(
  queue: Queue,
  tx: Queryable,
  name: N,
  jobs: ScheduledJob<N>[],
) {
  if (jobs.length > 0) await inQueueRole(tx, asService(tx), (db) => insert(queue, db, name, jobs));
}

/** Cancels pending jobs by id in `tx`, which acts as the student `userId`. */
export async function cancelAsUser(queue: Queue, tx: Queryable, userId: string, name: JobName, ids: string[]) {
  if (ids.length > 0) await inQueueRole(tx, asUser(tx, userId), (db) => queue.boss.cancel(name, ids, { db }));
}
