// Operational metrics the dashboards and alerts read (deploy/prometheus, deploy/grafana): the
// database pool, realtime sockets and delivery lag, job durations and failures, the job backlog
// and reminder lag. Live values (pool, sockets, backlog) are read at scrape time from sources that
// each context registers, so several test servers in one process each count their own.
import client from "prom-client";

export const registry = client.register;

function reuse<T>(name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}
export interface QueueBacklog {
  queue: string;
  waiting: number;
  oldestSeconds: number;
}

const pools = new Set<() => PoolStats>();
const sockets = new Set<() => number>();
const backlogs = new Set<() => Promise<QueueBacklog[]>>();

/** Sums one field over every registered pool (one per context; tests may run several). */
function poolGauge(name: string, help: string, field: keyof PoolStats) {
  return reuse(
    name,
    () =>
      new client.Gauge({
        name,
        help,
        collect() {
          this.set([...pools].reduce((sum, stats) => sum + stats()[field], 0));
        },
      }),
  );
}

poolGauge("lm_db_pool_connections", "Open connections in the database pool (busy + idle).", "total");
poolGauge("lm_db_pool_idle_connections", "Idle connections in the database pool.", "idle");
poolGauge("lm_db_pool_waiting_requests", "Queries waiting for a free pool connection.", "waiting");
poolGauge("lm_db_pool_max_connections", "The pool's connection limit.", "max");

reuse(
  "lm_realtime_connections",
  () =>
    new client.Gauge({
      name: "lm_realtime_connections",
      help: "Open WebSocket connections on this instance.",
      collect() {
        this.set([...sockets].reduce((sum, count) => sum + count(), 0));
      },
    }),
);

// Both backlog gauges are collected in parallel on a scrape; they share one read of the queue.
let backlogRead: { at: number; result: Promise<Map<string, { waiting: number; oldest: number }>> } | null = null;
function readBacklogs() {
  if (backlogRead && Date.now() - backlogRead.at < 1000) return backlogRead.result;
  const result = Promise.all([...backlogs].map((read) => read().catch(() => []))).then((lists) => {
    const byQueue = new Map<string, { waiting: number; oldest: number }>();
    for (const b of lists.flat()) {
      const seen = byQueue.get(b.queue) ?? { waiting: 0, oldest: 0 };
      byQueue.set(b.queue, { waiting: seen.waiting + b.waiting, oldest: Math.max(seen.oldest, b.oldestSeconds) });
    }
    return byQueue;
  });
  backlogRead = { at: Date.now(), result };
  return result;
}

function backlogGauge(name: string, help: string, field: "waiting" | "oldest") {
  reuse(
    name,
    () =>
      new client.Gauge({
        name,
        help,
        labelNames: ["queue"] as const,
        async collect() {
          const byQueue = await readBacklogs();
          this.reset();
          for (const [queue, b] of byQueue) this.set({ queue }, b[field]);
        },
      }),
  );
}

backlogGauge(
  "lm_queue_waiting_jobs",
  "Jobs that are due and not yet picked up, by queue (reported by processes that run workers).",
  "waiting",
);
backlogGauge(
  "lm_queue_oldest_waiting_seconds",
  "How long the oldest due job has waited, by queue (0: none).",
  "oldest",
);

const deliverySeconds = reuse(
  "lm_realtime_delivery_seconds",
  () =>
    new client.Histogram({
      name: "lm_realtime_delivery_seconds",
      help: "From an event's notification to its last socket write (its commit time when the payload carries ts).",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

const jobSeconds = reuse(
  "lm_job_duration_seconds",
  () =>
    new client.Histogram({
      name: "lm_job_duration_seconds",
      help: "Time one job's handler ran, by queue and outcome (completed or failed).",
      labelNames: ["queue", "outcome"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    }),
);

const reminderLag = reuse(
  "lm_reminder_lag_seconds",
  () =>
    new client.Histogram({
      name: "lm_reminder_lag_seconds",
      help: "From a reminder's due time to its notification being committed (and pushed).",
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800],
    }),
);

/** Registers a source until the returned function is called (the context's closer). */
function track<T>(set: Set<T>, source: T): () => Promise<void> {
  set.add(source);
  return async () => void set.delete(source);
}

export const trackPool = (stats: () => PoolStats) => track(pools, stats);
export const trackSockets = (count: () => number) => track(sockets, count);
export const trackBacklog = (read: () => Promise<QueueBacklog[]>) => track(backlogs, read);

/**
 * Records how long an event took to reach its sockets: from `emittedAtMs` (epoch ms, when the
 * payload carries the time of its commit) or else from when this process received it.
 */
export function observeDelivery(receivedAtMs: number, emittedAtMs?: unknown): void {
  const from = typeof emittedAtMs === "number" && Number.isFinite(emittedAtMs) ? emittedAtMs : receivedAtMs;
  deliverySeconds.observe(Math.max(0, Date.now() - from) / 1000);
}

/** Runs one job's handler, timing it by queue and outcome; the handler's error passes through. */
export async function timeJob<T>(queue: string, run: () => Promise<T>): Promise<T> {
  const end = jobSeconds.startTimer({ queue });
  try {
    const result = await run();
    end({ outcome: "completed" });
    return result;
  } catch (err) {
    end({ outcome: "failed" });
    throw err;
  }
}

/** A reminder went out: `dueAt` is when it was meant to (or when it was scheduled, if later). */
export function observeReminderLag(dueAtMs: number): void {
  reminderLag.observe(Math.max(0, Date.now() - dueAtMs) / 1000);
}
