// The job queue: pg-boss on the application's own database. On PGlite it runs through a small
// adapter (parameterless SQL may hold several statements, which only `exec` accepts).
//
// Workers are our own fetch loop, not pg-boss's work(): pg-boss 10 completes and fails jobs without
// awaiting the promise, so a database restart while a job runs becomes an unhandled rejection that
// kills the process. Here every database call is awaited and its failure only delays the loop.
import PgBoss from "pg-boss";
import type { Db } from "../db/index.js";
import type { Logger } from "../logger.js";
import { timeJob } from "../observability/metrics.js";
import type { JobHandler } from "./handler.js";
import { runWorkerLoop, type WorkerLoop } from "./worker-loop.js";

export type { JobHandler } from "./handler.js";

export interface WorkOptions {
  /** Loops fetching this queue (one job at a time each unless batchSize is set). */
  concurrency: number;
  /** Jobs fetched at once by each loop; they run `parallel` at a time (bursty queues like reminders). */
  batchSize?: number;
  parallel?: number;
}

export interface Queue {
  send<T extends object>(name: string, data: T, opts?: PgBoss.SendOptions): Promise<string | null>;
  work<T extends object>(name: string, opts: WorkOptions, handler: JobHandler<T>): Promise<void>;
  depth(name: string): Promise<number>;
  cancel(name: string, id: string): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
}

function adapter(db: Db): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: values && values.length > 0 ? await db.query(text, values) : await db.exec(text),
    }),
  };
}

export async function startQueue(opts: {
  db: Db;
  databaseUrl?: string;
  log: Logger;
  queues: Array<{ name: string } & PgBoss.Queue>;
}) {
  const boss = new PgBoss(
    opts.databaseUrl
      ? { connectionString: opts.databaseUrl, max: 4, schema: "pgboss" }
      : { db: adapter(opts.db), schema: "pgboss", monitorStateIntervalSeconds: 30 },
  );
  // Maintenance and pool errors while the database is away: logged, never thrown.
  boss.on("error", (err) => opts.log.warn({ err }, "queue error"));
  await boss.start();
  for (const { name, ...options } of opts.queues) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
  }
  const loops: WorkerLoop[] = [];
  const queue: Queue = {
    boss,
    send: (name, data, sendOpts) => boss.send(name, data, sendOpts ?? {}),
    async work(name, { concurrency, batchSize = 1, parallel = 1 }, handler) {
      const timed: JobHandler<object> = (data, job) => timeJob(name, () => handler(data as never, job));
      // One loop per slot: a slow job does not hold up the rest (per-provider concurrency).
      for (let i = 0; i < concurrency; i++)
        loops.push(runWorkerLoop({ boss, name, batchSize, parallel, log: opts.log, handler: timed }));
    },
    async depth(name) {
      return (await boss.getQueueSize(name)) ?? 0;
    },
    async cancel(name, id) {
      await boss.cancel(name, id);
    },
    async stop() {
      await Promise.all(loops.splice(0).map((l) => l.stop(5_000)));
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
  return queue;
}
