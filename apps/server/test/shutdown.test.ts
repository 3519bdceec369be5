// The real process: PORT=0 honoured, in-flight requests finish on SIGTERM, exit well within 10 s.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PASSWORD, uniqueEmail } from "./harness.js";
import { connect } from "./support/realtime-client.js";

const MAIN = join(import.meta.dirname, "..", "src", "main.ts");
let proc: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  proc?.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), "lm-"));
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...process.env, PORT: "0", DATA_DIR: dir, LOG_LEVEL: "info", SEED_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc = child;
  let out = "";
  child.stdout!.on("data", (d) => {
    out += d;
  });
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /ready at (http:\/\/[\d.:]+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 20);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
  url.catch(() => {}); // a test that expects the process to refuse never awaits it
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { url, exited, output: () => out };
}

describe("process", () => {
  it("refuses to start on a bad variable, naming it", async () => {
    const p = start({ PORT: "not-a-port" });
    expect(await p.exited).toBe(78);
    expect(p.output()).toMatch(/PORT/);
  });

  it("on SIGTERM finishes the in-flight request, refuses new ones and exits 0 within 10 s", async () => {
    const p = start({ DATABASE_URL: process.env.DATABASE_URL ?? "" });
    const url = await p.url;
    expect(url).not.toMatch(/:3000$/); // PORT=0 → a free port
    const inFlight = fetch(`${url}/api/v1/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: uniqueEmail("bye"), password: PASSWORD, displayName: "Last" }),
    });
    await new Promise((r) => setTimeout(r, 15));
    const t0 = Date.now();
    proc!.kill("SIGTERM");
    expect((await inFlight).status).toBe(201);
    expect(await p.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // Embedded mode wrote its mail to the outbox.
    if (!process.env.DATABASE_URL) expect(readdirSync(join(dir!, "outbox")).some((f) => f.endsWith(".eml"))).toBe(true);
  });

  it("on SIGTERM tells open WebSockets to go (1001) and exits 0 at once, not at the 10 s deadline", async () => {
    const p = start({ DATABASE_URL: process.env.DATABASE_URL ?? "" });
    const socket = await connect({ url: await p.url });
    const t0 = Date.now();
    proc!.kill("SIGTERM");
    expect(await socket.closed).toBe(1001);
    expect(await p.exited).toBe(0);
    // Before, the server's close waited for the upgraded socket and the deadline exited 1 at 10 s.
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
