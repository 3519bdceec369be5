// Fault tests on a PostgreSQL cluster of the test's own (the shared one is never restarted): an
// operator restarts the database while a lesson is being written. The process must survive, finish
// the lesson, tell live sockets to resync and deliver events again, serve a fresh feed, and say
// "not ready" while it is down.
// PostgreSQL server only: PGlite runs inside the process and cannot be restarted under it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { startFakeLlm } from "./support/fake-llm.js";
import { type PgCluster, startPgCluster } from "./support/pg-cluster.js";
import { connect } from "./support/realtime-client.js";

const serverMode = Boolean(process.env.DATABASE_URL);

describe.runIf(serverMode)("a PostgreSQL restart during a generation", () => {
  let cluster: PgCluster;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let s: TestServer;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    cluster = await startPgCluster();
    const url = await cluster.createDatabase("lm");
    llm = await startFakeLlm();
    s = await startTestServer({
      databaseUrl: url,
      llm: {
        modelPath: undefined,
        baseUrl: llm.url,
        model: "fake",
        apiKey: undefined,
        concurrency: 1,
        idleUnloadMs: 0,
      },
      feedCacheTtlMs: 300_000,
    });
  });

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await s?.stop().catch(() => {});
    await llm?.close();
    await cluster?.destroy();
  });

  const ready = async () => (await fetch(`${s.url}/readyz`)).status;
  const feedHas = async (id: string) => {
    const res = await s.api("GET", "/videos");
    return res.status === 200 && res.body.items.some((v: { id: string }) => v.id === id);
  };

  it("survives, finishes the lesson, and restores realtime, the feed cache and readiness", async () => {
    const student = await makeUser(s);
    const socket = await connect(s, student.token);
    expect((await socket.subscribe(`user:${student.id}`)).type).toBe("subscribed");
    // An anonymous feed page in the cache from before the outage.
    await s.api("GET", "/videos");
    expect((await s.api("GET", "/videos")).headers.get("cache-status")).toContain("hit");

    llm.hold();
    const created = await s.api("POST", "/videos", {
      token: student.token,
      body: llm.lesson,
    });
    expect(created.status).toBe(202);
    const id: string = created.body.id;
    await waitFor(() => llm.requests() >= 1, 15_000);

    await cluster.stop("fast");
    await waitFor(async () => (await ready()) === 503, 10_000);
    // The model answers while the database is gone: storing the lesson fails mid-job.
    llm.release();
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);

    await cluster.start();
    const restarted = Date.now();
    await waitFor(async () => (await ready()) === 200, 20_000);
    const readyAfterMs = Date.now() - restarted;

    const done = await waitFor(async () => {
      const v = await s.api("GET", `/videos/${id}`, { token: student.token });
      return v.body.status === "PUBLIC" ? v.body : null;
    }, 30_000);
    const publicAfterMs = Date.now() - restarted;
    expect(done.keyPoints.length).toBeGreaterThan(0);
    // The socket subscribed before the outage is told that events may have been lost (the lesson
    // may have finished before the listener came back), so the app refetches what it shows.
    await waitFor(() => socket.messages.some((m) => m.type === "resync"), 10_000);
    // And it hears new events, through the re-established LISTEN.
    expect((await socket.subscribe(`video:${id}`)).type).toBe("subscribed");
    const classmate = await makeUser(s);
    expect((await s.api("POST", "/ratings", { token: classmate.token, body: { videoId: id, stars: 5 } })).status).toBe(
      200,
    );
    await socket.event("rating.updated", (d) => d.videoId === id && d.ratingCount === 1, 10_000);
    // The cached page from before the outage is gone: the new lesson is in the anonymous feed.
    expect(await feedHas(id)).toBe(true);
    expect(unhandled).toEqual([]);
    socket.ws.close();
    console.info(`PostgreSQL restart: ready again after ${readyAfterMs} ms, lesson PUBLIC after ${publicAfterMs} ms`);
  }, 90_000);
});
