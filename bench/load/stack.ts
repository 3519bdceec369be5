// The production shape on one machine, for the load run: Debian's nginx (deploy/nginx rendered for
// loopback, TLS) in front of N `ROLE=api` processes and one `ROLE=worker`, on a fresh PostgreSQL
// database and a redis-server of its own. Every process is its own OS process, so the load
// generators never share an event loop with what they measure.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freshPgDatabase, waitFor } from "../../apps/server/test/harness.js";
import { NGINX, renderLoopback } from "../../apps/server/test/support/nginx.js";
import { freePort } from "../../apps/server/test/support/pg-cluster.js";

const ROOT = join(import.meta.dirname, "..", "..");
const MAIN = join(ROOT, "apps", "server", "src", "main.ts");

export interface Proc {
  name: string;
  proc: ChildProcess;
  output: string[];
}

export interface Stack {
  https: number;
  dbUrl: string;
  procs: Proc[];
  /** Resident set size of each process in MB, from /proc (the node process itself, nginx's workers summed). */
  rss(): Record<string, number>;
  stop(): Promise<void>;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Math.round(Number(kb) / 1024);
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export async function startStack(opts: { apis: number; pgBaseUrl: string; socketsPerIp: number }): Promise<Stack> {
  const tmp = mkdtempSync(join(tmpdir(), "lm-load-"));
  const procs: Proc[] = [];
  const launch = (name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const proc = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    const keep = (d: Buffer) => {
      output.push(String(d));
      if (output.length > 200) output.shift();
    };
    proc.stdout?.on("data", keep);
    proc.stderr?.on("data", keep);
    const p = { name, proc, output };
    procs.push(p);
    return p;
  };

  const redisPort = await freePort();
  launch("redis", "redis-server", [
    "--port",
    String(redisPort),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
  ]);
  const pg = await freshPgDatabase(opts.pgBaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))),
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    DATABASE_URL: pg.url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JWT_SECRET: randomBytes(32).toString("hex"),
    TRUST_PROXY: "1",
    REQUIRE_VERIFIED_EMAIL: "false",
    REALTIME_MAX_CONNECTIONS_PER_IP: String(opts.socketsPerIp),
    SEED_DEMO: "false",
    VIDEO_RENDER: "false",
  };
  const apiPorts: number[] = [];
  const start = async (role: "api" | "worker", i: number) => {
    const port = await freePort();
    const p = launch(
      `${role}${role === "api" ? i + 1 : ""}`,
      process.execPath,
      ["--import", "tsx", MAIN, "--no-seed"],
      {
        ...env,
        ROLE: role,
        PORT: String(port),
        DATA_DIR: join(tmp, `data-${port}`),
      },
    );
    await waitFor(async () => {
      if (p.proc.exitCode !== null) throw new Error(`${p.name} exited: ${p.output.join("")}`);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      return res?.status === 200;
    }, 60_000);
    return port;
  };
  // The first instance migrates; the others start once the schema is there.
  apiPorts.push(await start("api", 0));
  for (let i = 1; i < opts.apis; i++) apiPorts.push(await start("api", i));
  await start("worker", 0);

  const http = await freePort();
  const https = await freePort();
  const dir = join(tmp, "nginx");
  const upstream = apiPorts.map((p) => `server 127.0.0.1:${p} max_fails=3 fail_timeout=10s;\n`).join("");
  const nginxDir = mkdtempDir(dir);
  const conf = await renderLoopback(nginxDir, upstream, { http, https });
  launch("nginx", NGINX, ["-p", nginxDir, "-c", conf, "-g", "daemon off;"]);
  // The plain-HTTP port only redirects to HTTPS: its 301 says nginx is up.
  await waitFor(async () => {
    const res = await fetch(`http://127.0.0.1:${http}/healthz`, { redirect: "manual" }).catch(() => null);
    return res?.status === 301;
  }, 20_000);

  return {
    https,
    dbUrl: pg.url,
    procs,
    rss() {
      const out: Record<string, number> = {};
      for (const p of procs) {
        if (p.name === "nginx" && p.proc.pid) {
          out.nginx = children(p.proc.pid).reduce((sum, c) => sum + rssMb(c), rssMb(p.proc.pid));
        } else out[p.name] = rssMb(p.proc.pid);
      }
      return out;
    },
    async stop() {
      for (const p of [...procs].reverse()) {
        p.proc.kill("SIGTERM");
        await new Promise((r) => (p.proc.exitCode !== null ? r(null) : p.proc.once("exit", r)));
      }
      await pg.drop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function mkdtempDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
}
