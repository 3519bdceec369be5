// Load, measured: nginx + API instances + a worker on PostgreSQL + Redis (bench/load/stack.ts), with
// WebSocket clients subscribed to lesson and user channels (ws-clients.ts) and mixed student HTTP
// traffic (http-mix.ts), each generator in its own process. Event delivery is probed every 2 s: a
// rating on a watched lesson, timed from the request's send to its arrival on every subscribed socket.
//
//   npx tsx bench/load/run.ts [--clients 10000] [--seconds 300] [--concurrency 64] [--apis 2]
//                             [--compare] [--write]
// --compare runs the same load against one API instance too, for the scaling ratio.
import { fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request } from "undici";
import { openDb } from "../../apps/server/src/db/index.js";
import { PASSWORD } from "../../apps/server/test/harness.js";
import { seedLessons } from "../seed.js";
import { type Stack, startStack } from "./stack.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CLIENTS = arg("clients", 10_000);
const SECONDS = arg("seconds", 300);
const CONCURRENCY = arg("concurrency", 64);
const APIS = arg("apis", 2);
const USERS = arg("users", 2_000);
const LESSONS = 2_000;
const PROBE_LESSONS = 20;
const IPS = 100;
const PG_BASE = process.env.PG_BENCH_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const HERE = import.meta.dirname;
const insecure = new Agent({ connect: { rejectUnauthorized: false } });

type User = { id: string; token: string };

async function api(base: string, method: string, path: string, body?: unknown, token?: string, ip = 2) {
  const res = await request(`${base}/api/v1${path}`, {
    method: method as "GET",
    dispatcher: new Agent({ localAddress: `127.0.0.${ip}`, connect: { rejectUnauthorized: false } }),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : null };
}

async function seed(stack: Stack, base: string) {
  // Students sign up through nginx (argon2, sessions, rate limits: the real path), 20 at a time,
  // spread over the loopback addresses so the per-IP sign-up limit sees many origins.
  const users: User[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < USERS) {
        const n = next++;
        const res = await api(
          base,
          "POST",
          "/auth/register",
          {
            email: `load-${n}-${Date.now()}@example.com`,
            password: PASSWORD,
            displayName: `Student ${n}`,
          },
          undefined,
          2 + (n % IPS),
        );
        if (res.status !== 201) throw new Error(`register ${n}: ${res.status} ${JSON.stringify(res.body)}`);
        users.push({ id: res.body.user.id, token: res.body.session.accessToken });
      }
    }),
  );
  // Lessons by a teacher account no load user is, so every rating is allowed; planner events per student.
  const db = await openDb({ databaseUrl: stack.dbUrl, dataDir: null });
  try {
    const [teacher] = await db.query<{ id: string }>(
      "insert into public.users (email, email_verified, display_name) values ('teacher@example.com', true, 'Teacher') returning id",
    );
    const lessons = await seedLessons(db, teacher.id, LESSONS, 0);
    await db.query(
      `insert into public.planner_events (user_id, title, type, start_date)
       select u, 'Study session ' || k, 'STUDY_SESSION', timestamptz '2026-12-01' + k * interval '2 days'
         from unnest($1::uuid[]) u, generate_series(1, 5) k`,
      [users.map((u) => u.id)],
    );
    return { users, lessons };
  } finally {
    await db.close();
  }
}

/** The generators' setup (thousands of tokens) goes through a file: it is too long for argv. */
function setupFile(name: string, setup: unknown): string {
  const file = join(tmpdir(), `lm-load-${process.pid}-${name}.json`);
  writeFileSync(file, JSON.stringify(setup));
  return file;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => (Number.isNaN(x) ? "–" : x < 10 ? x.toFixed(1) : Math.round(x).toString());

interface Result {
  apis: number;
  opened: { ready: number; refused: number; errors: number; seconds: number };
  ws: { latencies: number[]; ready: number; closed: number; errors: number; refused: number; rssMb: number };
  http: { latencies: Record<string, number[]>; failures: Record<string, Record<string, number>>; rssMb: number };
  rssStart: Record<string, number>;
  rssEnd: Record<string, number>;
  load: [number, number];
  probes: number;
}

async function runOnce(apis: number): Promise<Result> {
  console.log(`\n== ${apis} API instance(s): starting the stack`);
  const stack = await startStack({ apis, pgBaseUrl: PG_BASE, socketsPerIp: Math.ceil(CLIENTS / IPS) + 10 });
  const base = `https://localhost:${stack.https}`;
  try {
    const { users, lessons } = await seed(stack, base);
    const probeLessons = lessons.slice(0, PROBE_LESSONS);
    const [prober, ...students] = users;
    console.log(`seeded ${users.length} students, ${lessons.length} lessons; opening ${CLIENTS} sockets`);

    const ws = fork(
      join(HERE, "ws-clients.ts"),
      [
        setupFile("ws", {
          url: `wss://localhost:${stack.https}/api/v1/realtime`,
          clients: CLIENTS,
          ips: IPS,
          users: students,
          lessons: probeLessons,
        }),
      ],
      { execArgv: ["--import", "tsx"] },
    );
    const wsMessage = <T>(type: string) =>
      new Promise<T>((resolve) => ws.on("message", (m: { type: string }) => m.type === type && resolve(m as T)));
    const opened = await wsMessage<Result["opened"]>("opened");
    console.log(
      `sockets ready: ${opened.ready} of ${CLIENTS} in ${opened.seconds.toFixed(1)} s (refused ${opened.refused}, errors ${opened.errors})`,
    );
    await new Promise((r) => setTimeout(r, 5_000)); // settle before measuring memory
    const rssStart = stack.rss();
    const loadStart = loadavg()[0];

    console.log(`mixed HTTP load: ${CONCURRENCY} connections for ${SECONDS} s`);
    const mix = fork(
      join(HERE, "http-mix.ts"),
      [
        setupFile("http", {
          base,
          seconds: SECONDS,
          concurrency: CONCURRENCY,
          ips: IPS,
          users: students,
          lessons,
          probeLessons,
        }),
      ],
      { execArgv: ["--import", "tsx"] },
    );
    const done = new Promise<Result["http"]>((resolve, reject) => {
      mix.on("message", (m: Result["http"] & { type: string }) => m.type === "done" && resolve(m));
      mix.on("exit", (code) => reject(new Error(`the HTTP generator exited (${code}) without its results`)));
    });

    let probes = 0;
    const stars = new Map<string, number>();
    const timer = setInterval(async () => {
      const lesson = probeLessons[probes++ % probeLessons.length];
      const s = stars.get(lesson) === 5 ? 4 : 5; // a change, so the rating really moves
      stars.set(lesson, s);
      // Sent once the socket process holds the probe (its ack), so no event can overtake it.
      const acked = new Promise<void>((resolve) => {
        const onAck = (m: { type: string; lesson?: string }) => {
          if (m.type !== "probe-ack" || m.lesson !== lesson) return;
          ws.off("message", onAck);
          resolve();
        };
        ws.on("message", onAck);
      });
      ws.send({ type: "probe", lesson, sentAt: Date.now() });
      await acked;
      await request(`${base}/api/v1/ratings`, {
        method: "POST",
        dispatcher: insecure,
        headers: { authorization: `Bearer ${prober.token}`, "content-type": "application/json" },
        body: JSON.stringify({ videoId: lesson, stars: s }),
      })
        .then((r) => r.body.dump())
        .catch(() => undefined);
    }, 2_000);
    const http = await done;
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 3_000)); // the last probe's events arrive
    const rssEnd = stack.rss();
    ws.send({ type: "report" });
    const wsReport = await wsMessage<Result["ws"]>("report");
    ws.send({ type: "stop" });
    return { apis, opened, ws: wsReport, http, rssStart, rssEnd, load: [loadStart, loadavg()[0]], probes };
  } finally {
    await stack.stop();
  }
}

function table(r: Result): string {
  const lines = [
    `### ${r.apis} API instance(s), ${CLIENTS.toLocaleString("en")} sockets, ${CONCURRENCY} HTTP connections, ${SECONDS} s`,
    "",
    "| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  let all: number[] = [];
  let errors = 0;
  for (const [name, xs] of Object.entries(r.http.latencies).sort()) {
    const f = r.http.failures[name] ?? {};
    const n = Object.values(f).reduce((a, b) => a + b, 0);
    errors += n;
    all = all.concat(xs);
    lines.push(
      `| ${name} | ${xs.length} | ${(xs.length / SECONDS).toFixed(0)} | ${ms(pct(xs, 50))} | ${ms(pct(xs, 95))} | ${ms(pct(xs, 99))} | ${n ? JSON.stringify(f) : "0"} |`,
    );
  }
  lines.push(
    `| **all** | ${all.length} | **${(all.length / SECONDS).toFixed(0)}** | ${ms(pct(all, 50))} | ${ms(pct(all, 95))} | ${ms(pct(all, 99))} | ${errors} |`,
    "",
    `Sockets: ${r.opened.ready} subscribed (opened in ${r.opened.seconds.toFixed(1)} s), ${r.ws.ready} still open at the end, ${r.ws.closed} dropped, ${r.ws.errors + r.ws.refused} errors/refusals.`,
    `Event delivery (rating sent → rating.updated on each subscribed socket): ${r.probes} probes, ${r.ws.latencies.length} deliveries, p50 ${ms(pct(r.ws.latencies, 50))} ms, p95 **${ms(pct(r.ws.latencies, 95))} ms**, p99 ${ms(pct(r.ws.latencies, 99))} ms.`,
    `RSS MB at start → end: ${Object.keys(r.rssStart)
      .map((k) => `${k} ${r.rssStart[k]} → ${r.rssEnd[k]}`)
      .join(", ")}; generators: ws ${r.ws.rssMb}, http ${r.http.rssMb}.`,
    `Load average (1 min) at start / end: ${r.load[0].toFixed(2)} / ${r.load[1].toFixed(2)}.`,
  );
  return lines.join("\n");
}

const results: Result[] = [];
results.push(await runOnce(APIS));
if (args.includes("--compare") && APIS !== 1) results.push(await runOnce(1));
const out = [
  `Run on ${new Date().toISOString().slice(0, 10)}: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}.`,
  `Command: \`npx tsx bench/load/run.ts ${args.join(" ")}\``,
  "",
  ...results.map(table),
];
if (results.length === 2) {
  const rps = (r: Result) => Object.values(r.http.latencies).reduce((s, xs) => s + xs.length, 0) / SECONDS;
  out.push(
    "",
    `Scaling ratio (HTTP req/s, ${results[0].apis} instances ÷ 1): **${(rps(results[0]) / rps(results[1])).toFixed(2)}**.`,
  );
}
console.log(`\n${out.join("\n")}`);
if (args.includes("--write")) writeFileSync(join(HERE, "RESULTS.md"), `# Load run (bench/load)\n\n${out.join("\n")}\n`);
process.exit(0);
