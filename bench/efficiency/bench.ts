// Per-instance efficiency (issue 16 item 3): our server and a bare node:http + pg handler, each in
// its own process, loaded by wrk (another process) with 100 connections, on PostgreSQL + Redis
// with 10,000 lessons. Run: npx tsx bench/efficiency/bench.ts [--duration 10] [--rounds 3] [--write]
// [--only feed|lesson]
// Profile the server under load: BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (same command;
// BENCH_BARE_NODE_ARGS for the bare handler).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { VideoListQuery } from "@lm/core";
import { openDb, type Queryable } from "../../apps/server/src/db/index.js";
import { listVideos } from "../../apps/server/src/videos/feed.js";
import { myRating, VIDEO_FROM, VIDEO_SELECT } from "../../apps/server/src/videos/presenter.js";
import { freshPgDatabase } from "../../apps/server/test/harness.js";
import { seedAuthor, seedLessons } from "../seed.js";
import { parseWrk, type WrkResult } from "./wrk.js";

const args = process.argv.slice(2);
const DURATION = Number(args[args.indexOf("--duration") + 1]) || 10;
const CONNECTIONS = 100;
/** Rounds per request, each side measured once a round; the median round is reported. */
const ROUNDS = Number(args[args.indexOf("--rounds") + 1]) || 3;
const PG_URL = process.env.PG_BENCH_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PASSWORD = "Bench-Password-2026!";
const HERE = new URL(".", import.meta.url).pathname;
const run = promisify(execFile);

async function seed(db: Queryable) {
  const userId = await seedAuthor(db, "bench@example.com", PASSWORD);
  await seedLessons(db, userId, 10_000);
  const [video] = await db.query<{ id: string }>("select id from public.videos where status = 'PUBLIC' limit 1");
  return { userId, videoId: video.id };
}

/** The exact SQL our feed runs for a signed-in student, with auth.uid() made a literal for the bare side. */
async function feedSql(userId: string) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const recorder: Queryable = {
    query: async (sql, params) => {
      calls.push({ sql, params: params ?? [] });
      return [];
    },
    exec: async () => [],
  };
  await listVideos(recorder, VideoListQuery.parse({ limit: "20" }), { userId, subjects: [] });
  return { sql: calls[0].sql.replace(/auth\.uid\(\)/g, `'${userId}'::uuid`), params: calls[0].params };
}

function lessonSql(userId: string | null, videoId: string) {
  const sql = `select ${VIDEO_SELECT}, ${myRating(userId !== null)} from ${VIDEO_FROM} where v.id = $1`;
  return { sql: sql.replace(/auth\.uid\(\)/g, `'${userId}'::uuid`), params: [videoId] };
}

/** Starts a child process and resolves once `url` answers. */
async function startProcess(name: string, cmd: string[], env: Record<string, string>, url: string) {
  const child = spawn(cmd[0], cmd.slice(1), {
    env: { ...process.env, ...env },
    // BENCH_STDOUT_DIR=/tmp/x keeps each process's stdout (e.g. for --trace-gc) in <dir>/<name>.out.
    stdio: [
      "ignore",
      process.env.BENCH_STDOUT_DIR ? openSync(join(process.env.BENCH_STDOUT_DIR, `${name}.out`), "w") : "ignore",
      "inherit",
    ],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`${name} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function wrk(url: string, token?: string): Promise<WrkResult> {
  const { stdout } = await run(
    "wrk",
    [
      "-t",
      "2",
      "-c",
      String(CONNECTIONS),
      "-d",
      `${DURATION}s`,
      "--timeout",
      "10s",
      "--latency",
      "-s",
      join(HERE, "auth.lua"),
      url,
    ],
    { env: { ...process.env, BENCH_TOKEN: token ?? "" } },
  );
  return parseWrk(stdout);
}

/**
 * CPU seconds (user + system) a process and its children used so far, from /proc. On a shared box
 * requests/s follow the load of other jobs; CPU per request does much less, so it is printed too.
 */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  // Fields after the command name: state is field 3, utime 14, stime 15 (1-based, clock ticks).
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of every process named `name` (PostgreSQL's postmaster and backends, Redis), with
 * what their ended children used: a backend that exits mid-run hands its time to the postmaster.
 */
function cpuSecondsOfAll(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== name) continue;
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      // utime, stime, cutime, cstime: fields 14–17 (1-based), clock ticks.
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

type Measured = Awaited<ReturnType<typeof measured>>;

async function measured(pid: number | undefined, url: string, token?: string) {
  const before = { ours: cpuSeconds(pid), pg: cpuSecondsOfAll("postgres"), redis: cpuSecondsOfAll("redis-server") };
  const result = await wrk(url, token);
  const perRequest = (s: number) => (s * 1000) / Math.max(1, result.requests);
  const cpuMs = perRequest(cpuSeconds(pid) - before.ours);
  // The database and Redis share the machine's two cores with the server: their cost per request
  // bounds the throughput as much as the server's own.
  const pgMs = perRequest(cpuSecondsOfAll("postgres") - before.pg);
  const redisMs = perRequest(cpuSecondsOfAll("redis-server") - before.redis);
  return { ...result, cpuMs, pgMs, redisMs };
}

const fmt = (r: WrkResult) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;

const pgdb = await freshPgDatabase(PG_URL);
const children: ChildProcess[] = [];
try {
  const serverPort = 20_000 + Math.floor(Math.random() * 10_000);
  const barePort = serverPort + 1;
  // Extra node flags for the server only, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // The same for the bare handler, to compare the two profiles: BENCH_BARE_NODE_ARGS.
  const bareExtra = (process.env.BENCH_BARE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // Our server exactly as deployed (ROLE=api on PostgreSQL + Redis). NODE_ENV=test only to get its
  // own Redis key prefix on the shared Redis; rate limits are raised so they count but never refuse.
  const server = await startProcess(
    "server",
    [process.execPath, "--import", "tsx", ...extra, join(HERE, "../../apps/server/src/main.ts"), "--no-seed"],
    {
      NODE_ENV: "test",
      ROLE: "api",
      PORT: String(serverPort),
      HOST: "127.0.0.1",
      DATA_DIR: mkdtempSync(join(tmpdir(), "lm-eff-")),
      DATABASE_URL: pgdb.url,
      REDIS_URL,
      JWT_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      LOG_LEVEL: "warn",
      SEED_DEMO: "false",
      FEED_CACHE_TTL_SECONDS: "0",
      RATE_LIMIT_IP_PER_MINUTE: "100000000",
      RATE_LIMIT_USER_PER_MINUTE: "100000000",
      VIEWS_PER_IP_PER_VIDEO: "1",
    },
    `http://127.0.0.1:${serverPort}/healthz`,
  );
  children.push(server);
  const db = await openDb({ databaseUrl: pgdb.url, dataDir: null });
  const { userId, videoId } = await seed(db);
  await db.close();
  const login = await fetch(`http://127.0.0.1:${serverPort}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.com", password: PASSWORD }),
  });
  const token = ((await login.json()) as { session: { accessToken: string } }).session.accessToken;

  const cases = [
    { name: "feed, signed in (uncached)", path: "/videos?limit=20", token, stmt: await feedSql(userId) },
    { name: "lesson, signed in", path: `/videos/${videoId}`, token, stmt: lessonSql(userId, videoId) },
    { name: "lesson, anonymous", path: `/videos/${videoId}?anon`, token: undefined, stmt: lessonSql(null, videoId) },
  ];
  // --only feed|lesson: just the cases whose name starts so (for profiling one of them).
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : "";
  const chosen = cases.filter((c) => c.name.startsWith(only));
  const statements = Object.fromEntries(cases.map((c) => [c.path, c.stmt]));
  const bare = await startProcess(
    "bare",
    // Node itself (tsx as a loader, like the server), so its pid is the process whose CPU is read.
    [process.execPath, "--import", "tsx", ...bareExtra, join(HERE, "bare.ts")],
    { PORT: String(barePort), DATABASE_URL: pgdb.url, BARE_STATEMENTS: JSON.stringify(statements) },
    `http://127.0.0.1:${barePort}/`,
  );
  children.push(bare);

  const lines = [
    `### ${new Date().toISOString()} — ${cpus().length} cores, load average before ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}, wrk -c ${CONNECTIONS} -d ${DURATION}s`,
    "",
    `| request | ours (median round) | bare (same round) | ours ÷ bare, median of ${ROUNDS} rounds | CPU ms per request, ours / bare | database and Redis CPU ms per request, ours / bare | load avg (1 min) after |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const c of chosen) {
    const ourPath = c.path.replace("?anon", "");
    // Rounds alternate which side goes first, so a neighbour's burst or a drifting clock does not
    // always land on the same side; the median round is reported, every round's ratio beside it.
    const rounds: Array<{ ours: Measured; base: Measured; ratio: number }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      const runOurs = () => measured(server.pid, `http://127.0.0.1:${serverPort}/api/v1${ourPath}`, c.token);
      const runBare = () => measured(bare.pid, `http://127.0.0.1:${barePort}${c.path}`);
      let ours: Measured;
      let base: Measured;
      if (r % 2 === 0) {
        ours = await runOurs();
        base = await runBare();
      } else {
        base = await runBare();
        ours = await runOurs();
      }
      if (ours.errors || base.errors) console.warn(`${c.name}: errors ours ${ours.errors}, bare ${base.errors}`);
      rounds.push({ ours, base, ratio: ours.rps / base.rps });
    }
    const { ours, base, ratio } = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)];
    const all = rounds.map((x) => x.ratio.toFixed(2)).join(", ");
    const cpu = `${ours.cpuMs.toFixed(2)} / ${base.cpuMs.toFixed(2)}`;
    const others = `PostgreSQL ${ours.pgMs.toFixed(2)} / ${base.pgMs.toFixed(2)}, Redis ${ours.redisMs.toFixed(2)} / ${base.redisMs.toFixed(2)}`;
    console.log(
      `${c.name}: ours ${fmt(ours)} | bare ${fmt(base)} | ${ratio.toFixed(2)}× (rounds ${all}) | cpu ms/req ${cpu} | ${others}`,
    );
    lines.push(
      `| ${c.name} | ${fmt(ours)}${ours.errors ? ` (${ours.errors} errors)` : ""} | ${fmt(base)} | ${ratio.toFixed(2)}× (rounds: ${all}) | ${cpu} | ${others} | ${loadavg()[0].toFixed(2)} |`,
    );
  }
  if (args.includes("--write")) appendFileSync(join(HERE, "RESULTS.md"), `${lines.join("\n")}\n\n`);
  console.log(lines.join("\n"));
} finally {
  for (const c of children) await stop(c);
  await pgdb.drop();
}
process.exit(0);
