// A worker killed with SIGKILL in the middle of a generation: the instance started in its place must
// finish the lesson within seconds, not at the job's 15-minute expiry. The server runs as a real
// child process (`main.ts`), as in production. PostgreSQL server only: the dead process's claim
// lives in a database that outlives it (embedded mode resets every claim at start, tested in videos).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, freshPgDatabase, PASSWORD, uniqueEmail, waitFor } from "./harness.js";
import { startFakeLlm } from "./support/fake-llm.js";

const serverMode = Boolean(process.env.DATABASE_URL);
const SERVER_DIR = join(import.meta.dirname, "..");

/** Starts `main.ts` and resolves with its URL once it logs that it is ready. */
function startInstance(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (process.env.LM_DEBUG_CHILD) process.stderr.write(d);
      const m = /"url":"(http:[^"]+)"/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before it was ready:\n${out}`)));
  });
}

describe.runIf(serverMode)("an instance killed mid-generation", () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>>;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let dataDir: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await freshPgDatabase(process.env.DATABASE_URL!);
    llm = await startFakeLlm();
    dataDir = mkdtempSync(join(tmpdir(), "lm-restart-"));
  });

  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await llm?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is finished by the instance that replaces it within seconds", async () => {
    const env = {
      NODE_ENV: "development",
      PORT: "0",
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "fake",
      REQUIRE_VERIFIED_EMAIL: "false",
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
    };
    const first = await startInstance(env);
    children.push(first.child);
    const api = client(first.url);
    const reg = await api("POST", "/auth/register", {
      body: { email: uniqueEmail("killed"), password: PASSWORD, displayName: "Kim" },
    });
    const token: string = reg.body.session.accessToken;
    llm.hold();
    const created = await api("POST", "/videos", {
      token,
      body: llm.lesson,
    });
    expect(created.status).toBe(202);
    await waitFor(() => llm.requests() >= 1, 20_000);

    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    llm.release(); // the model is back to answering at once; the answer to the dead process is lost

    const second = await startInstance(env);
    children.push(second.child);
    const restarted = Date.now();
    const again = client(second.url);
    const done = await waitFor(async () => {
      const v = await again("GET", `/videos/${created.body.id}`, { token });
      return v.body.status === "PUBLIC" ? v.body : null;
    }, 45_000);
    const tookMs = Date.now() - restarted;
    expect(done.keyPoints.length).toBeGreaterThan(0);
    // The claim goes stale 12 s after the last heartbeat and the reaper looks every 3 s.
    expect(tookMs).toBeLessThan(30_000);
    console.info(`kill -9 mid-generation: lesson PUBLIC ${tookMs} ms after the new instance was ready`);
  }, 120_000);
});
