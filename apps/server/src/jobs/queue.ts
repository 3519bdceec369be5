// The job queue: pg-boss on the application's own database. On PGlite it runs through a small
// adapter (parameterless SQL may hold several statements, which only `exec` accepts).
import PgBoss from "pg-boss";
import type { Db } from "../db/index.js";
import type { Logger } from "../logger.js";
import { timeJob } from "../observability/metrics.js";

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

export interface Queue {
  send<T extends object>(name: string, data: T, opts?: PgBoss.SendOptions): Promise<string | null>;
  work<T extends object>(name: string, opts: { concurrency: number }, handler: JobHandler<T>): Promise<void>;
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
  boss.on("error", (err) => opts.log.error({ err }, "queue error"));
  await boss.start();
  for (const { name, ...options } of opts.queues) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...options });
  }
  const queue: Queue = {
    boss,
    send: (name, data, sendOpts) => boss.send(name, data, sendOpts ?? {}),
    async work(name, { concurrency }, handler) {
      // One worker per slot: a slow job does not hold up the rest (per-provider concurrency).
      for (let i = 0; i < concurrency; i++) {
        await boss.work<object>(
          name,
          { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
          async ([job]) => {
            await timeJob(name, () =>
              handler(job.data as never, {
                id: job.id,
                retryCount: (job as { retryCount?: number }).retryCount ?? 0,
              }),
            );
          },
        );
      }
    },
    async depth(name) {
      return (await boss.getQueueSize(name)) ?? 0;
    },
    async cancel(name, id) {
      await boss.cancel(name, id);
    },
    stop: () => boss.stop({ graceful: true, timeout: 5000, wait: true }),
  };
  return queue;
}
