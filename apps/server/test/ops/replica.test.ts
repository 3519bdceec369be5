// DATABASE_READ_URL against a real streaming replica: a PostgreSQL 15 primary and a standby made
// with pg_basebackup, both on loopback and started here. Replay is paused to make the lag exact.
// Runs in the server:pg project only: it needs the PostgreSQL server binaries, not PGlite.
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer, waitFor } from "../harness.js";
import { freePort } from "./promql.js";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";
const asPostgres = (cmd: string, args: string[]) => run("runuser", ["-u", "postgres", "--", join(BIN, cmd), ...args]);

let dir: string;
let ports: { primary: number; replica: number };
let s: TestServer;
const started: string[] = [];

async function sql(port: number, text: string, params: unknown[] = []) {
  const c = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "lm" });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

const lsnOf = async (port: number, fn: string) =>
  Number((await sql(port, `select (${fn}() - '0/0'::pg_lsn)::text as l`))[0].l);

describe.runIf(Boolean(process.env.DATABASE_URL))("read replica (DATABASE_READ_URL)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lm-replica-"));
    chownSync(
      dir,
      Number((await run("id", ["-u", "postgres"])).stdout),
      Number((await run("id", ["-g", "postgres"])).stdout),
    );
    ports = { primary: await freePort(), replica: await freePort() };
    const primary = join(dir, "primary");
    const replica = join(dir, "replica");
    await asPostgres("initdb", ["-D", primary, "--auth=trust", "-U", "postgres", "--no-sync"]);
    const opts = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await asPostgres("pg_ctl", [
      "-D",
      primary,
      "-o",
      opts(ports.primary),
      "-l",
      join(dir, "primary.log"),
      "-w",
      "start",
    ]);
    started.push(primary);
    await sql(ports.primary, "select 1").catch(() => {});
    const admin = new pg.Client({ host: "127.0.0.1", port: ports.primary, user: "postgres", database: "postgres" });
    await admin.connect();
    await admin.query("create database lm");
    await admin.end();
    await asPostgres("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(ports.primary),
      "-U",
      "postgres",
      "-D",
      replica,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
    ]);
    await asPostgres("pg_ctl", [
      "-D",
      replica,
      "-o",
      opts(ports.replica),
      "-l",
      join(dir, "replica.log"),
      "-w",
      "start",
    ]);
    started.push(replica);
    s = await startTestServer({
      databaseUrl: `postgres://postgres@127.0.0.1:${ports.primary}/lm`,
      databaseReadUrl: `postgres://postgres@127.0.0.1:${ports.replica}/lm`,
      feedCacheTtlMs: 300_000,
    });
  });

  afterAll(async () => {
    await s?.stop();
    for (const data of started.reverse())
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves anonymous feed misses from the replica, but never rebuilds an invalidated page from a lagging one", async () => {
    expect((await sql(ports.replica, "select pg_is_in_recovery() as r"))[0].r).toBe(true);
    const creator = await makeUser(s, { name: "Creator" });
    const rater = await makeUser(s, { name: "Rater" });
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await s.ctx.db.asService(async (tx) => {
      for (const [id, title] of [
        [a, "Cell division"],
        [b, "Osmosis"],
      ])
        await tx.query(
          `insert into public.videos (id, created_by, topic, subject, difficulty, status, visibility, title)
           values ($1, $2, $3, 'BIOLOGY', 'BEGINNER', 'PUBLIC', 'PUBLIC', $3)`,
          [id, creator.id, title],
        );
    });
    const feed = async (tag: string) => {
      const res = await s.api("GET", `/videos?limit=50&subject=BIOLOGY&q=${tag}`);
      expect(res.status).toBe(200);
      return res.body.items as Array<{ id: string; ratingCount: number }>;
    };
    // Let the replica catch up, then the feed cache learns a position (any invalidation does).
    await waitFor(
      async () =>
        (await lsnOf(ports.replica, "pg_last_wal_replay_lsn")) >= (await lsnOf(ports.primary, "pg_current_wal_lsn")),
    );
    await s.ctx.feedCache?.invalidate(String(await lsnOf(ports.primary, "pg_current_wal_lsn")));

    await sql(ports.replica, "select pg_wal_replay_pause()");
    try {
      // A rating does not invalidate the feed (counters may lag by the TTL): a miss now is built on
      // the paused replica, which has not seen it — proof the replica serves the read.
      expect((await s.api("POST", "/ratings", { token: rater.token, body: { videoId: a, stars: 5 } })).status).toBe(
        200,
      );
      const fromReplica = await feed("cell");
      expect(fromReplica.find((v) => v.id === a)?.ratingCount).toBe(0);

      // Hiding a lesson invalidates the cache at a position the paused replica has not reached:
      // the page is rebuilt on the primary, so the hidden lesson is gone at once.
      await waitFor(async () => (await feed("osmosis")).some((v) => v.id === b));
      const hidden = await s.api("PATCH", `/videos/${b}`, { token: creator.token, body: { status: "PRIVATE" } });
      expect(hidden.status).toBe(200);
      await waitFor(async () => !(await feed("osmosis")).some((v) => v.id === b));
      // And the replica really is behind: it still shows the lesson as public.
      expect((await sql(ports.replica, "select status from public.videos where id = $1", [b]))[0].status).toBe(
        "PUBLIC",
      );
    } finally {
      await sql(ports.replica, "select pg_wal_replay_resume()");
    }
    // Caught up, the replica serves again (a new query: the rating now shows).
    await waitFor(
      async () =>
        (await lsnOf(ports.replica, "pg_last_wal_replay_lsn")) >= (await lsnOf(ports.primary, "pg_current_wal_lsn")),
    );
    expect((await feed("division")).find((v) => v.id === a)?.ratingCount).toBe(1);
  });
});
