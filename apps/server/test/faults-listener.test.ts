// The LISTEN connection dropped on its own (a proxy's idle timeout, an operator's
// pg_terminate_backend) while the database stays up (issue 12 item 2): readiness says so while it
// is gone, it comes back and LISTENs again, sockets are told to resync, and the feed cache is
// dropped, since notifications sent in the gap are lost. PostgreSQL server only (PGlite has no
// separate connection to lose).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../src/db/index.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { connect } from "./support/realtime-client.js";

const serverMode = Boolean(process.env.DATABASE_URL);

describe.runIf(serverMode)("the LISTEN connection killed under a running API", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ feedCacheTtlMs: 300_000 });
  });
  afterAll(() => s?.stop());

  /** Ends this server's LISTEN connection from another session, as an operator would. */
  async function killListener() {
    const db = s.ctx.config.databaseUrl!;
    const admin = await openDb({ databaseUrl: db, dataDir: null });
    try {
      const rows = await admin.query<{ ok: boolean }>(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
          where application_name = 'lm-listener' and datname = current_database()`,
      );
      expect(rows.length).toBe(1);
    } finally {
      await admin.close();
    }
  }

  it("is reported not ready while gone, then reconnects, re-LISTENs, resyncs sockets and drops the feed cache", async () => {
    const student = await makeUser(s);
    const socket = await connect(s, student.token);
    expect((await socket.subscribe(`user:${student.id}`)).type).toBe("subscribed");
    await s.api("GET", "/videos");
    expect((await s.api("GET", "/videos")).headers.get("cache-status")).toContain("hit");

    // Watch the readiness signal /readyz reads, in-process: the gap may last only the first backoff.
    const seen: boolean[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const up = s.ctx.db.listening();
        if (seen.at(-1) !== up) seen.push(up);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const killedAt = Date.now();
    await killListener();
    await waitFor(() => socket.messages.some((m) => m.type === "resync"), 15_000);
    const backAfterMs = Date.now() - killedAt;
    watching = false;
    await watcher;
    expect(seen).toEqual([true, false, true]);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);

    // Pages cached before the gap are gone (an invalidation may have been missed in it).
    expect((await s.api("GET", "/videos")).headers.get("cache-status")).not.toContain("hit");
    // Events flow again through the new connection.
    const [video] = await s.ctx.db.query<{ id: string }>(
      `insert into public.videos (title, subject, difficulty, topic, created_by, status)
       values ('After the gap', 'MATH', 'BEGINNER', 'Fractions', $1, 'PUBLIC') returning id`,
      [student.id],
    );
    expect((await socket.subscribe(`video:${video.id}`)).type).toBe("subscribed");
    const classmate = await makeUser(s);
    const rated = await s.api("POST", "/ratings", { token: classmate.token, body: { videoId: video.id, stars: 4 } });
    expect(rated.status).toBe(200);
    await socket.event("rating.updated", (d) => d.videoId === video.id, 10_000);
    socket.ws.close();
    console.info(`LISTEN connection killed: back and sockets told to resync after ${backAfterMs} ms`);
  });
});
