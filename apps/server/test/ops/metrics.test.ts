// The operational metrics on /metrics move when the real thing happens: a socket opens, an event is
// delivered, a job completes or fails, a reminder goes out late or on time, a job waits.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { closeContext, createContext } from "../../src/app.js";
import { testConfig } from "../../src/config.js";
import { startOpsServer } from "../../src/observability/readiness.js";
import { readBacklog } from "../../src/observability/watch.js";
import { NOTES } from "../fixtures/notes.js";
import { freshPgDatabase, makeUser, type TestServer, startTestServer, waitFor } from "../harness.js";
import { scrape, value } from "./scrape.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COMPLETED = (queue: string) => `lm_job_duration_seconds_count{queue="${queue}",outcome="completed"}`;
const FAILED = (queue: string) => `lm_job_duration_seconds_count{queue="${queue}",outcome="failed"}`;

async function openSocket(token: string) {
  const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime?access_token=${token}`);
  const messages: Array<{ type: string; event?: string }> = [];
  ws.on("message", (d) => messages.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return { ws, messages };
}

describe("operational metrics", () => {
  it("counts open sockets and the delivery of an event to them", async () => {
    const u = await makeUser(s);
    const before = await scrape(s.url);
    const { ws, messages } = await openSocket(u.token);
    ws.send(JSON.stringify({ type: "subscribe", channel: `user:${u.id}` }));
    await waitFor(() => messages.some((m) => m.type === "subscribed"));
    expect(value(await scrape(s.url), "lm_realtime_connections")).toBe(value(before, "lm_realtime_connections") + 1);

    // A lesson request announces itself on the creator's channel.
    const created = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    expect(created.status).toBe(202);
    await waitFor(() => messages.some((m) => m.type === "event" && m.event === "video.updated"));
    const after = await scrape(s.url);
    expect(value(after, "lm_realtime_delivery_seconds_count")).toBeGreaterThan(
      value(before, "lm_realtime_delivery_seconds_count"),
    );
    // Delivered on loopback within the histogram's range, not at its +Inf end.
    expect(value(after, 'lm_realtime_delivery_seconds_bucket{le="5"}')).toBe(
      value(after, "lm_realtime_delivery_seconds_count"),
    );
    ws.close();
    await waitFor(
      async () => value(await scrape(s.url), "lm_realtime_connections") === value(before, "lm_realtime_connections"),
    );
  });

  it("times each job by queue, completed and failed", async () => {
    const u = await makeUser(s);
    const before = await scrape(s.url);
    const created = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Cells", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    await waitFor(async () => {
      const v = await s.api("GET", `/videos/${created.body.id}`, { token: u.token });
      return v.body.status === "PUBLIC";
    }, 30_000);
    await waitFor(
      async () => value(await scrape(s.url), COMPLETED("generate-video")) > value(before, COMPLETED("generate-video")),
    );

    // A queue whose handler throws: the failure is counted under its own name, and the error still
    // reaches pg-boss (the job is failed there, not completed).
    const name = `test-fail-${randomUUID().slice(0, 8)}`;
    await s.ctx.queue.boss.createQueue(name, { name, retryLimit: 0 });
    await s.ctx.queue.work(name, { concurrency: 1 }, async () => {
      throw new Error("boom");
    });
    const id = await s.ctx.queue.send(name, { n: 1 });
    await waitFor(async () => value(await scrape(s.url), FAILED(name)) === 1, 10_000);
    expect(value(await scrape(s.url), COMPLETED(name))).toBe(0);
    const job = await waitFor(async () => {
      const j = await s.ctx.queue.boss.getJobById(name, id as string);
      return j?.state === "failed" ? j : null;
    });
    expect(job.state).toBe("failed");
  });

  it("measures a reminder's lag from its due time", async () => {
    const u = await makeUser(s);
    const before = await scrape(s.url);
    const startDate = new Date(Date.now() + 1500).toISOString();
    const ev = await s.api("POST", "/planner/events", {
      token: u.token,
      body: { title: "Physics test", type: "EXAM", startDate, reminders: [0] },
    });
    expect(ev.status).toBe(201);
    const after = await waitFor(async () => {
      const now = await scrape(s.url);
      return value(now, "lm_reminder_lag_seconds_count") > value(before, "lm_reminder_lag_seconds_count") ? now : null;
    }, 10_000);
    const lag = value(after, "lm_reminder_lag_seconds_sum") - value(before, "lm_reminder_lag_seconds_sum");
    // Fired after its due time (never negative), and within pg-boss's polling on an idle queue.
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(10);
    expect(value(after, COMPLETED("send-reminder"))).toBeGreaterThan(value(before, COMPLETED("send-reminder")));
  });

  it("reports due jobs that nobody has picked up, and how long the oldest has waited", async () => {
    // An API-only process runs no workers, so jobs sent through it stay in the queue.
    const api = await startTestServer({ role: "api" });
    try {
      const idle = await readBacklog(api.ctx);
      expect(idle.find((b) => b.queue === "moderate-comment")).toEqual({
        queue: "moderate-comment",
        waiting: 0,
        oldestSeconds: 0,
      });
      await api.ctx.queue.send("moderate-comment", { commentId: randomUUID() });
      await api.ctx.queue.send("moderate-comment", { commentId: randomUUID() }, { startAfter: 3600 });
      await sleep(1200);
      const backlog = await readBacklog(api.ctx);
      const moderation = backlog.find((b) => b.queue === "moderate-comment");
      // The job due next hour is not waiting yet.
      expect(moderation?.waiting).toBe(1);
      expect(moderation?.oldestSeconds).toBeGreaterThanOrEqual(1);
      expect(moderation?.oldestSeconds).toBeLessThan(60);
    } finally {
      await api.stop();
    }
    // A worker process reports every queue, idle ones at 0, so alerts always have a series.
    const samples = await scrape(s.url);
    expect(samples.has('lm_queue_waiting_jobs{queue="generate-video"}')).toBe(true);
    expect(samples.has('lm_queue_oldest_waiting_seconds{queue="send-reminder"}')).toBe(true);
  });

  // The connection pool exists only on the PostgreSQL server driver (PGlite is one in-process
  // connection), so this runs in the server:pg project.
  it.runIf(Boolean(process.env.DATABASE_URL))("reports the database pool's size, idle and waiting counts", async () => {
    const samples = await scrape(s.url);
    expect(value(samples, "lm_db_pool_max_connections")).toBe(20);
    expect(value(samples, "lm_db_pool_connections")).toBeGreaterThanOrEqual(1);
    expect(value(samples, "lm_db_pool_idle_connections")).toBeLessThanOrEqual(value(samples, "lm_db_pool_connections"));
    // Hold every connection and queue one more query: it waits, and the gauges say so.
    const busy = Array.from({ length: 21 }, () => s.ctx.db.query("select pg_sleep(1)"));
    await sleep(300);
    const saturated = await scrape(s.url);
    expect(value(saturated, "lm_db_pool_connections")).toBe(20);
    expect(value(saturated, "lm_db_pool_idle_connections")).toBe(0);
    expect(value(saturated, "lm_db_pool_waiting_requests")).toBeGreaterThanOrEqual(1);
    await Promise.all(busy);
  });

  it("a worker process (ROLE=worker) answers health checks and serves its own metrics", async () => {
    const pg = process.env.DATABASE_URL ? await freshPgDatabase(process.env.DATABASE_URL) : null;
    const ctx = await createContext(
      testConfig({ role: "worker", port: 0, host: "127.0.0.1", dataDir: "", databaseUrl: pg?.url }),
    );
    const ops = await startOpsServer(ctx);
    try {
      expect((await fetch(`${ops.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${ops.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ db: "ok", queue: expect.stringContaining("waiting") });
      // Workers report the backlog; the API's routes are not here.
      expect((await scrape(ops.url)).has('lm_queue_waiting_jobs{queue="send-reminder"}')).toBe(true);
      const api = await fetch(`${ops.url}/api/v1/videos`);
      expect(api.status).toBe(404);
      expect(api.headers.get("content-type")).toContain("application/problem+json");
    } finally {
      await ops.close();
      await closeContext(ctx);
      await pg?.drop();
    }
  });
});
