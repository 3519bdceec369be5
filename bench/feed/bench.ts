// Feed benchmark: GET /videos (page of 20 from 10,000 videos; plain, with q, with filters) and
// GET /videos/:id through our API, against a bare node:http handler running the very same SQL,
// on PGlite and on the PostgreSQL server, at 10 and 100 connections. Also the auth latencies
// (login, GET /users/me). Run: npx tsx bench/feed/bench.ts [--duration 5] [--write]
// The servers run in this process; the load generator (autocannon) runs in a child process.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fork } from "node:child_process";
import type autocannon from "autocannon";
import { createContext, type RunningServer, startServer } from "../../apps/server/src/app.js";
import { testConfig } from "../../apps/server/src/config.js";
import type { Queryable } from "../../apps/server/src/db/index.js";
import { listVideos } from "../../apps/server/src/videos/feed.js";
import { VideoListQuery } from "@lm/core";
import { freshPgDatabase } from "../../apps/server/test/harness.js";
import { seedAuthor, seedLessons } from "../seed.js";
import { report, type Row } from "./report.js";

const args = process.argv.slice(2);
const DURATION = Number(args[args.indexOf("--duration") + 1]) || 5;
const PG_URL = process.env.PG_BENCH_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const PASSWORD = "Bench-Password-2026!";

async function seed(s: RunningServer) {
  const author = await seedAuthor(s.ctx.db, "bench@example.com", PASSWORD);
  await seedLessons(s.ctx.db, author, 10_000);
  const [video] = await s.ctx.db.query<{ id: string }>("select id from public.videos where status = 'PUBLIC' limit 1");
  return { videoId: video.id };
}

/** Captures the exact SQL our feed runs for a query, to replay it in the baseline. */
async function captureSql(query: Record<string, string>) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const recorder: Queryable = {
    query: async (sql, params) => {
      calls.push({ sql, params: params ?? [] });
      return [];
    },
    exec: async () => [],
  };
  await listVideos(recorder, VideoListQuery.parse(query), { userId: null, subjects: [] });
  return calls[0];
}

/** The baseline: node:http + the driver, no framework, no auth, no RLS transaction. */
async function baseline(run: RunningServer, statements: Record<string, { sql: string; params: unknown[] }>) {
  const db = run.ctx.db;
  const server: Server = createServer(async (req, res) => {
    const stmt = statements[req.url ?? ""];
    if (!stmt) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const rows = await db.query(stmt.sql.replace(/auth\.uid\(\)/g, "null::uuid"), stmt.params);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ items: rows }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** autocannon in a child process (autocannon-child.ts): the generator must not share the servers' event loop. */
function autocannonChild(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./autocannon-child.ts", import.meta.url).pathname, [JSON.stringify(options)], {
      execArgv: ["--import", "tsx"],
    });
    child.once("message", (m) => resolve(m as autocannon.Result));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`autocannon exited with ${code}`)));
  });
}

async function load(url: string, connections: number, headers: Record<string, string> = {}) {
  const result = await autocannonChild({ url, connections, duration: DURATION, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    // autocannon reports p97.5, not p95; p97.5 is the stricter of the two, so it is what we compare.
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function authLatency(run: RunningServer) {
  const times: number[] = [];
  let token = "";
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const res = await fetch(`${run.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@example.com", password: PASSWORD }),
    });
    times.push(performance.now() - t);
    token = ((await res.json()) as { session: { accessToken: string } }).session.accessToken;
  }
  times.sort((a, b) => a - b);
  const me = await load(`${run.url}/api/v1/users/me`, 10, { authorization: `Bearer ${token}` });
  return { loginP50: times[15], meP50: me.p50, meRps: me.rps };
}

async function benchDriver(driver: "pglite" | "pg"): Promise<Row[]> {
  const pg = driver === "pg" ? await freshPgDatabase(PG_URL) : null;
  const config = testConfig({
    port: 0,
    host: "127.0.0.1",
    dataDir: "",
    databaseUrl: pg?.url,
    rateLimits: { ...testConfig().rateLimits, ipPerMinute: 10_000_000, userPerMinute: 10_000_000 },
  });
  const run = await startServer(await createContext({ ...config, role: "api" }));
  const rows: Row[] = [];
  try {
    const { videoId } = await seed(run);
    const queries: Record<string, Record<string, string>> = {
      "/videos?limit=20": { limit: "20" },
      "/videos?limit=20&q=photosynthesis": { limit: "20", q: "photosynthesis" },
      "/videos?limit=20&subject=MATH&difficulty=BEGINNER": { limit: "20", subject: "MATH", difficulty: "BEGINNER" },
    };
    const statements: Record<string, { sql: string; params: unknown[] }> = {};
    for (const [path, q] of Object.entries(queries)) statements[path] = await captureSql(q);
    statements[`/videos/${videoId}`] = {
      sql: "select v.*, u.display_name from public.videos v join public.public_users u on u.id = v.created_by where v.id = $1",
      params: [videoId],
    };
    const base = await baseline(run, statements);
    try {
      for (const path of Object.keys(statements)) {
        for (const connections of [10, 100]) {
          const ours = await load(`${run.url}/api/v1${path}`, connections);
          const bare = await load(`${base.url}${path}`, connections);
          rows.push({ driver, path: path.replace(videoId, ":id"), connections, ours, bare });
          console.log(
            driver,
            path,
            connections,
            `ours ${ours.rps.toFixed(0)} req/s p97.5 ${ours.p975} ms`,
            `bare ${bare.rps.toFixed(0)} req/s`,
          );
        }
      }
      // The same feed pages with the anonymous feed cache on (memory with PGlite, Redis with
      // PostgreSQL), served by a second API process-in-process on the same database.
      const cachedConfig = {
        ...config,
        role: "api" as const,
        feedCacheTtlMs: 300_000,
        redisUrl: driver === "pg" ? (process.env.REDIS_URL ?? "redis://127.0.0.1:6379") : undefined,
      };
      // Borrowed database: closing the second server must leave it open for the first.
      const shared = Object.assign(Object.create(run.ctx.db), { close: async () => {} });
      const cached = await startServer(await createContext(cachedConfig, { db: shared, migrate: false }));
      try {
        for (const path of Object.keys(queries)) {
          for (const connections of [10, 100]) {
            const ours = await load(`${cached.url}/api/v1${path}`, connections);
            const uncached = rows.find((r) => r.path === path && r.connections === connections);
            if (!uncached || !("bare" in uncached)) continue;
            const bare = uncached.bare;
            rows.push({ driver, path: `${path} (cached)`, connections, ours, bare });
            console.log(driver, path, "cached", connections, `ours ${ours.rps.toFixed(0)} req/s p97.5 ${ours.p975} ms`);
          }
        }
      } finally {
        await cached.close();
      }
    } finally {
      await base.close();
    }
    const auth = await authLatency(run);
    rows.push({ driver, path: "auth", connections: 0, auth });
    console.log(driver, "login p50", auth.loginP50.toFixed(1), "ms; /users/me p50", auth.meP50, "ms");
  } finally {
    await run.close();
    await pg?.drop();
  }
  return rows;
}

const rows = [...(await benchDriver("pglite")), ...(await benchDriver("pg"))];
report(rows, { duration: DURATION, write: args.includes("--write") });
process.exit(0);
