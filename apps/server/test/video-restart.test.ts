// Renders survive their worker: a kill -9 in the middle of one, and a worker elsewhere that stopped
// beating. Nothing stays RENDERING; the video is finished (or fails with a reason) by the next worker.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Video } from "@lm/core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { openDb } from "../src/db/index.js";
import { resumeRenders } from "../src/media/render/queue.js";
import { CELL_NOTES } from "./fixtures/cell-notes.js";
import { makeUser, PASSWORD, type TestServer, startTestServer, uniqueEmail, waitFor } from "./harness.js";

const MAIN = join(import.meta.dirname, "..", "src", "main.ts");
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The real server process on an embedded database in `dir`. */
async function startProcess(dir: string) {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: {
      ...process.env,
      PORT: "0",
      DATA_DIR: dir,
      LOG_LEVEL: "info",
      SEED_DEMO: "false",
      REQUIRE_VERIFIED_EMAIL: "false",
      VIDEO_RENDER: "true",
      DATABASE_URL: "",
      REDIS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => {
    out += d;
  });
  child.stderr!.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = await waitFor(() => /ready at (http:\/\/[\d.:]+)/.exec(out)?.[1], 60_000).catch(() => {
    throw new Error(`server did not start: ${out}`);
  });
  return { child, url, exited, output: () => out };
}

type Proc = Awaited<ReturnType<typeof startProcess>>;

async function call(base: string, path: string, init: RequestInit & { token?: string } = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  return { status: res.status, body: await res.json() };
}

/** A student on `p` whose lesson's video is being rendered right now. */
async function lessonRendering(p: Proc) {
  const reg = await call(p.url, "/auth/register", {
    method: "POST",
    body: JSON.stringify({ email: uniqueEmail("restart"), password: PASSWORD, displayName: "Restart" }),
  });
  const token: string = reg.body.session.accessToken;
  const created = await call(p.url, "/videos", {
    method: "POST",
    token,
    body: JSON.stringify({ topic: "Cells", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: CELL_NOTES }),
  });
  expect(created.status).toBe(202);
  const id: string = created.body.id;
  await waitFor(
    async () => ((await call(p.url, `/videos/${id}`, { token })).body as Video).media.status === "RENDERING",
    60_000,
  );
  return { id, token };
}

/** After a restart the render is resumed: READY with a playable MP4 (or FAILED with a reason). */
async function expectFinished(p: Proc, id: string, token: string) {
  const settled = await waitFor(async () => {
    const v = (await call(p.url, `/videos/${id}`, { token })).body as Video;
    return ["READY", "FAILED"].includes(v.media.status) ? v : null;
  }, 90_000);
  if (settled.media.status === "FAILED") return void expect(settled.media.failureReason).toBeTruthy();
  const mp4 = await fetch(`${p.url}${settled.media.mp4Url}`, { headers: { range: "bytes=0-7" } });
  expect(mp4.status).toBe(206);
  expect(Buffer.from(await mp4.arrayBuffer()).toString("latin1", 4, 8)).toBe("ftyp");
}

// On a PostgreSQL server a dead worker's render is taken over after its heartbeat goes stale (a
// minute); that path is the in-process test below, on both drivers. Embedded mode has one worker,
// so the next start resumes at once: that is what these tests stop.
describe.skipIf(Boolean(process.env.DATABASE_URL))("a worker stopped in the middle of a render", () => {
  it("kill -9 while RENDERING → after a restart the video is finished, and nothing stays RENDERING", {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "lm-kill-"));
    dirs.push(dir);
    const first = await startProcess(dir);
    const { id, token } = await lessonRendering(first);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull(); // killed by the signal, no clean-up ran
    await expectFinished(await startProcess(dir), id, token);
  });

  it("SIGTERM while RENDERING → a clean exit that hands the render back; the next start finishes it", {
    timeout: 240_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "lm-term-"));
    dirs.push(dir);
    const first = await startProcess(dir);
    const { id, token } = await lessonRendering(first);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/close failed|render crashed/);
    // Handed back, not left claimed: the database on disk says PENDING, with no owner.
    const db = await openDb({ dataDir: dir });
    try {
      expect(await db.query("select status, claimed_by from public.video_media where video_id = $1", [id])).toEqual([
        { status: "PENDING", claimed_by: null },
      ]);
    } finally {
      await db.close();
    }
    await expectFinished(await startProcess(dir), id, token);
  });
});

describe("a render whose worker stopped beating", () => {
  let s: TestServer;
  afterAll(() => s?.stop());

  it("is taken over by a resume pass once its heartbeat is stale, and left alone while it is fresh", {
    timeout: 120_000,
  }, async () => {
    s = await startTestServer({ video: { ...testConfig().video, render: true, staleAfterMs: 60_000 } });
    const owner = await makeUser(s);
    const insertLesson = async () => {
      const [row] = await s.ctx.db.query<{ id: string }>(
        `insert into public.videos (title, subject, difficulty, topic, created_by, status, script, script_summary, key_points, timestamps, duration)
         values ('Cells', 'BIOLOGY', 'BEGINNER', 'Cells', $1, 'PUBLIC', $2, 'Cells make up living things.', $3, '{0,10,20}', 30)
         returning id`,
        [
          owner.id,
          CELL_NOTES,
          ["Cells are the basic units of life.", "The nucleus holds the cell's DNA.", "Mitochondria release energy."],
        ],
      );
      return row.id;
    };
    const dead = await insertLesson();
    const alive = await insertLesson();
    await s.ctx.db.query(
      `insert into public.video_media (video_id, status, progress, claimed_by, heartbeat_at) values
         ($1, 'RENDERING', 40, 'job-of-a-dead-worker', now() - interval '10 minutes'),
         ($2, 'RENDERING', 40, 'job-of-a-live-worker', now())`,
      [dead, alive],
    );
    await resumeRenders(s.ctx, { startup: false });
    const media = (id: string) =>
      s.ctx.db.query<{ status: string; claimed_by: string | null }>(
        "select status, claimed_by from public.video_media where video_id = $1",
        [id],
      );
    await waitFor(async () => (await media(dead))[0].status === "READY", 90_000);
    expect(await media(alive)).toEqual([{ status: "RENDERING", claimed_by: "job-of-a-live-worker" }]);
    const v = (await s.api("GET", `/videos/${dead}`)).body as Video;
    expect(v.media.status).toBe("READY");
    // The lesson now runs on the video's clock.
    expect(v.duration).toBe(v.media.durationSec);
    expect(v.timestamps).not.toEqual([0, 10, 20]);
  });
});
