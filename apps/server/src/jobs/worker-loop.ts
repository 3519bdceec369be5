// One worker slot: fetch jobs, run them, record the outcome. Survives the database going away: a
// failed fetch backs off, and an outcome that cannot be recorded is retried until the database is
// back (for up to two minutes; after that the job's expiry retries it, and the generation reaper
// re-queues its own sooner). Handlers are idempotent, so a job run twice does no harm.
import type PgBoss from "pg-boss";
import type { Logger } from "../logger.js";
import type { JobHandler } from "./handler.js";

const POLL_MS = 500;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];
const RECORD_FOR_MS = 120_000;

export interface WorkerLoop {
  /** Stops fetching and waits up to `graceMs` for the jobs in hand. */
  stop(graceMs: number): Promise<void>;
}

export function runWorkerLoop(opts: {
  boss: PgBoss;
  name: string;
  batchSize: number;
  parallel: number;
  log: Logger;
  handler: JobHandler<object>;
}): WorkerLoop {
  const { boss, name, log } = opts;
  let stopping = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  async function record(what: string, fn: () => Promise<unknown>) {
    const deadline = Date.now() + RECORD_FOR_MS;
    for (let i = 0; ; i++) {
      try {
        await fn();
        return;
      } catch (err) {
        if (stopping || Date.now() > deadline) {
          log.warn({ err, queue: name }, `could not ${what} a job; it retries at its expiry`);
          return;
        }
        await sleep(BACKOFF_MS[Math.min(i, BACKOFF_MS.length - 1)]);
      }
    }
  }

  async function runOne(job: PgBoss.JobWithMetadata<object>) {
    try {
      await opts.handler(job.data, { id: job.id, retryCount: job.retryCount ?? 0 });
      await record("complete", () => boss.complete(name, job.id));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await record("fail", () => boss.fail(name, job.id, { message }));
    }
  }

  async function loop() {
    let failures = 0;
    while (!stopping) {
      let jobs: PgBoss.JobWithMetadata<object>[];
      try {
        jobs = (await boss.fetch<object>(name, { batchSize: opts.batchSize, includeMetadata: true })) ?? [];
        failures = 0;
      } catch (err) {
        if (failures === 0) log.warn({ err, queue: name }, "cannot fetch jobs; retrying");
        await sleep(BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]);
        continue;
      }
      if (jobs.length === 0) {
        await sleep(POLL_MS);
        continue;
      }
      for (let i = 0; i < jobs.length; i += opts.parallel)
        await Promise.all(jobs.slice(i, i + opts.parallel).map(runOne));
    }
  }

  const done = loop();
  return {
    async stop(graceMs) {
      stopping = true;
      wake?.();
      await Promise.race([done, new Promise((r) => setTimeout(r, graceMs).unref())]);
    },
  };
}
