// Many instances behind the real load balancer: Debian's nginx (deploy/nginx, TLS) in front of two
// ROLE=api processes and one ROLE=worker, all on one fresh PostgreSQL database, their own
// redis-server and an S3-compatible bucket (s3rver). Every check goes through nginx, and nginx's
// access log (upstream address per request id) proves which instance answered.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Agent, fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { openDb } from "../../src/db/index.js";
import { freshPgDatabase, PASSWORD, uniqueEmail, waitFor } from "../harness.js";
import { startFakeLlm } from "../support/fake-llm.js";
import { NGINX, renderLoopback } from "../support/nginx.js";
import { startS3, type TestS3 } from "../support/s3.js";
import { freePort } from "./promql.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const MAIN = join(ROOT, "apps", "server", "src", "main.ts");
const USER_LIMIT = 60;

interface Instance {
  role: "api" | "worker";
  port: number;
  proc: ChildProcess;
  output: string[];
}

let tmp: string;
let pg: Awaited<ReturnType<typeof freshPgDatabase>>;
let redis: ChildProcess;
let s3: TestS3;
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
let nginx: ChildProcess;
let https: number;
let dispatcher: Agent;
let ca: Buffer;
const instances: Instance[] = [];
let api: Instance[] = [];

function startInstance(role: Instance["role"], port: number, env: Record<string, string>): Instance {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && !k.startsWith("AWS_")),
  );
  const proc = spawn(process.execPath, ["--import", "tsx", MAIN, "--no-seed"], {
    cwd: ROOT,
    env: { ...clean, ...env, ROLE: role, PORT: String(port), DATA_DIR: join(tmp, `data-${port}`) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  proc.stdout?.on("data", (d) => output.push(String(d)));
  proc.stderr?.on("data", (d) => output.push(String(d)));
  const inst = { role, port, proc, output };
  instances.push(inst);
  return inst;
}

async function ready(inst: Instance) {
  await waitFor(async () => {
    if (inst.proc.exitCode !== null) throw new Error(`${inst.role}:${inst.port} exited: ${inst.output.join("")}`);
    const res = await fetch(`http://127.0.0.1:${inst.port}/readyz`).catch(() => null);
    return res?.status === 200;
  }, 40_000);
}

/** A request through nginx (HTTPS, the test's own CA). */
async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`https://localhost:${https}${/^\/(api|healthz)/.test(path) ? path : `/api/v1${path}`}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    dispatcher,
  });
  const buf = Buffer.from(await res.arrayBuffer());
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
  let body: any = buf;
  if ((res.headers.get("content-type") ?? "").includes("json")) body = JSON.parse(buf.toString());
  return { status: res.status, body, id: res.headers.get("x-request-id") ?? "" };
}

/** Which instance (port) answered each request id, from nginx's access log. */
function upstreams(): Map<string, number> {
  const out = new Map<string, number>();
  const log = readFileSync(join(tmp, "nginx", "logs", "access.log"), "utf8");
  for (const line of log.split("\n")) {
    const m = / upstream=(\S+?)\/.* id=(\S+)$/.exec(line) ?? / upstream=(?:\S+, )*(\S+?)\/.* id=(\S+)$/.exec(line);
    if (m) out.set(m[2], Number(m[1].split(":").pop()));
  }
  return out;
}
// nginx writes a request's log line after it has sent the response, so a client can read the
// response before its line exists: wait (briefly) until every id is logged.
async function portsOf(ids: string[]) {
  let map = upstreams();
  for (let i = 0; i < 40 && ids.some((id) => !map.has(id)); i++) {
    await new Promise((r) => setTimeout(r, 50));
    map = upstreams();
  }
  return new Set(ids.map((id) => map.get(id)));
}

async function register(name: string) {
  const email = uniqueEmail(name);
  const res = await call("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: name } });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id as string, email, token: res.body.session.accessToken as string };
}

// Only the PostgreSQL pass: several processes cannot share one embedded (PGlite) database.
describe.runIf(Boolean(process.env.DATABASE_URL))("two API instances and a worker behind nginx", () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "lm-multi-"));
    const redisPort = await freePort();
    redis = spawn(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    [pg, s3, llm] = await Promise.all([
      freshPgDatabase(process.env.PG_BASE_URL ?? (process.env.DATABASE_URL as string)),
      startS3("lm-multi"),
      startFakeLlm(),
    ]);
    const env = {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATABASE_URL: pg.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      STORAGE_URL: s3.url,
      ...s3.env,
      JWT_SECRET: randomBytes(32).toString("hex"),
      TRUST_PROXY: "1",
      REQUIRE_VERIFIED_EMAIL: "false",
      RATE_LIMIT_USER_PER_MINUTE: String(USER_LIMIT),
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "fake",
      VIDEO_RENDER: "false",
      FEED_CACHE_TTL_SECONDS: "0",
    };
    // The worker first: it applies the migrations the API instances then find done.
    const t0 = Date.now();
    const worker = startInstance("worker", await freePort(), env);
    await ready(worker);
    console.log(`worker ready in ${Date.now() - t0} ms`);
    api = [startInstance("api", await freePort(), env), startInstance("api", await freePort(), env)];
    const dir = join(tmp, "nginx");
    await run("mkdir", ["-p", dir]);
    https = await freePort();
    const upstream = api.map((a) => `server 127.0.0.1:${a.port} max_fails=1 fail_timeout=10s;\n`).join("");
    const conf = await renderLoopback(dir, upstream, { http: await freePort(), https });
    ca = readFileSync(join(dir, "certs", "cert.pem"));
    dispatcher = new Agent({ connect: { ca, servername: "localhost" } });
    await Promise.all(api.map(ready));
    console.log(`API instances ready ${Date.now() - t0} ms after start`);
    nginx = spawn(NGINX, ["-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: "ignore" });
    await waitFor(async () => (await call("GET", "/healthz").catch(() => null))?.status === 200, 10_000);
  }, 90_000);

  afterAll(async () => {
    for (const i of instances) i.proc.kill("SIGKILL");
    nginx?.kill("SIGQUIT");
    redis?.kill("SIGKILL");
    await dispatcher?.close();
    await Promise.all([s3?.close(), llm?.close()]);
    await pg?.drop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  });

  let lessonId: string;
  let creator: Awaited<ReturnType<typeof register>>;

  it("a session revoked through one instance is refused by both at once", async () => {
    const u = await register("Revoked");
    const before = await Promise.all(Array.from({ length: 8 }, () => call("GET", "/users/me", { token: u.token })));
    expect(before.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect((await call("POST", "/auth/logout", { token: u.token })).status).toBeLessThan(300);
    const after = await Promise.all(Array.from({ length: 8 }, () => call("GET", "/users/me", { token: u.token })));
    expect(after.map((r) => r.status)).toEqual(Array(8).fill(401));
    expect(await portsOf(after.map((r) => r.id))).toEqual(new Set(api.map((a) => a.port)));
  });

  it("a generation job runs once, on the worker, and its thumbnail is served by both instances", async () => {
    creator = await register("Creator");
    const before = llm.requests();
    const created = await call("POST", "/videos", {
      token: creator.token,
      body: {
        ...llm.lesson,
        sourceText: "Plants turn light, water and carbon dioxide into sugar and oxygen. ".repeat(8),
      },
    });
    expect(created.status).toBe(202);
    lessonId = created.body.id;
    const published = await waitFor(async () => {
      const v = await call("GET", `/videos/${lessonId}`, { token: creator.token });
      return v.body.status === "PUBLIC" && v.body.thumbnailUrl ? v.body : null;
    }, 30_000);
    expect(published.id).toBe(lessonId);
    // A second after publishing, still exactly one model call and one completed job.
    await new Promise((r) => setTimeout(r, 1000));
    expect(llm.requests() - before).toBe(1);
    const db = await openDb({ databaseUrl: pg.url, dataDir: null });
    try {
      const jobs = await db.query<{ state: string }>(
        "select state from pgboss.job where name = 'generate-video' and data->>'videoId' = $1",
        [lessonId],
      );
      expect(jobs.map((j) => j.state)).toEqual(["completed"]);
    } finally {
      await db.close();
    }
    const thumbs = await Promise.all(Array.from({ length: 8 }, () => call("GET", `/videos/${lessonId}/thumbnail.png`)));
    for (const t of thumbs) {
      expect(t.status).toBe(200);
      expect((t.body as Buffer).subarray(1, 4).toString()).toBe("PNG");
    }
    expect(await portsOf(thumbs.map((t) => t.id))).toEqual(new Set(api.map((a) => a.port)));
  });

  it("a realtime event reaches sockets on both instances", async () => {
    const sockets = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const ws = new WebSocket(`wss://localhost:${https}/api/v1/realtime?probe=ws${i}`, { ca });
        const messages: Array<{ type?: string; event?: string }> = [];
        ws.on("message", (d) => messages.push(JSON.parse(String(d))));
        await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
        ws.send(JSON.stringify({ type: "subscribe", channel: `video:${lessonId}` }));
        await waitFor(() => messages.find((m) => m.type === "subscribed"));
        return { ws, messages };
      }),
    );
    const fan = await register("Fan");
    const t0 = Date.now();
    expect(
      (await call("POST", "/ratings", { token: fan.token, body: { videoId: lessonId, stars: 4 } })).status,
    ).toBeLessThan(300);
    for (const s of sockets) await waitFor(() => s.messages.find((m) => m.event === "rating.updated"), 5000);
    const lag = Date.now() - t0;
    expect(lag).toBeLessThan(2000);
    for (const s of sockets) s.ws.close();
    // nginx logs a WebSocket when it closes: find each probe's instance.
    const seen = await waitFor(() => {
      const log = readFileSync(join(tmp, "nginx", "logs", "access.log"), "utf8");
      const ports = [...log.matchAll(/probe=ws\d .* upstream=\S+?:(\d+)\//g)].map((m) => Number(m[1]));
      return ports.length === sockets.length ? new Set(ports) : null;
    });
    expect(seen).toEqual(new Set(api.map((a) => a.port)));
    console.log(`realtime: ${sockets.length} sockets on 2 instances, event delivered to all in ${lag} ms`);
  });

  it("rate limits are shared: one user gets exactly the limit across both instances", async () => {
    const u = await register("Busy");
    const results: Array<{ status: number; id: string }> = [];
    for (let round = 0; round < 10; round++) {
      results.push(
        ...(await Promise.all(Array.from({ length: 8 }, () => call("GET", "/users/me", { token: u.token })))),
      );
    }
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(USER_LIMIT);
    expect(results.filter((r) => r.status === 429)).toHaveLength(80 - USER_LIMIT);
    expect(await portsOf(ok.map((r) => r.id))).toEqual(new Set(api.map((a) => a.port)));
  });

  it("killing an API instance loses no acknowledged write, and nginx routes around it", async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, (_, i) => register(`Writer${i}`)));
    const acked: string[] = [];
    const failed: number[] = [];
    let n = 0;
    let stop = false;
    const write = async (w: (typeof writers)[number]) => {
      while (!stop) {
        const title = `Exam ${n++}`;
        const res = await call("POST", "/planner/events", {
          token: w.token,
          body: { title, type: "EXAM", startDate: "2031-06-02T09:00:00Z" },
        }).catch(() => ({ status: 0, body: null, id: "" }));
        if (res.status === 201) acked.push(res.body.id);
        else failed.push(res.status);
      }
    };
    const loops = writers.map(write);
    await waitFor(() => acked.length >= 20, 10_000);
    const victim = api[0];
    const killedAt = acked.length;
    victim.proc.kill("SIGKILL");
    await waitFor(() => acked.length >= killedAt + 40, 20_000);
    stop = true;
    await Promise.all(loops);
    // Reads keep working through the survivor.
    const reads = await Promise.all(Array.from({ length: 6 }, () => call("GET", `/videos/${lessonId}`)));
    expect(reads.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await portsOf(reads.map((r) => r.id))).toEqual(new Set([api[1].port]));
    // Every acknowledged write is in the database.
    const db = await openDb({ databaseUrl: pg.url, dataDir: null });
    try {
      const rows = await db.query<{ id: string }>("select id from public.planner_events where id = any($1::uuid[])", [
        acked,
      ]);
      expect(rows.length).toBe(acked.length);
    } finally {
      await db.close();
    }
    // At most the writes in flight at the kill fail (one per writer), never one after it.
    expect(failed.length).toBeLessThanOrEqual(writers.length);
    console.log(
      `kill: ${acked.length} writes acknowledged (${killedAt} before the kill), all found; ${failed.length} failed (${failed.join(",")})`,
    );
  });
});
