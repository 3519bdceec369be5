// Renders survive their worker: a kill -9 in the middle of one, and a worker elsewhere that stopped
// beating. Nothing stays RENDERING; the video is finished (or fails with a reason) by the next worker.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Video } from "@lm/core";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
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

describe("a worker killed in the middle of a render", () => {
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    // On a PostgreSQL server a dead worker's render is taken over after its heartbeat goes stale
    // (a minute); that path is the in-process test below, on both drivers. Embedded mode has one
    // worker, so the next start resumes at once: that is what this test kills.
    "kill -9 while RENDERING → after a restart the video is finished, and nothing stays RENDERING",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "lm-kill-"));
      dirs.push(dir);
      const first = await startProcess(dir);
      const call = async (path: string, init: RequestInit & { token?: string } = {}, base = first.url) => {
        const res = await fetch(`${base}/api/v1${path}`, {
          ...init,
          headers: {
            "content-type": "application/json",
            ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          },
        });
        return { status: res.status, body: await res.json() };
      };
      const reg = await call("/auth/register", {
        method: "POST",
        body: JSON.stringify({ email: uniqueEmail("kill"), password: PASSWORD, displayName: "Kill" }),
      });
      const token: string = reg.body.session.accessToken;
      const created = await call("/videos", {
        method: "POST",
        token,
        body: JSON.stringify({ topic: "Cells", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: CELL_NOTES }),
      });
      expect(created.status).toBe(202);
      const id: string = created.body.id;
      await waitFor(async () => {
        const v = (await call(`/videos/${id}`, { token })).body as Video;
        return v.media.status === "RENDERING";
      }, 60_000);
      first.child.kill("SIGKILL");
      expect(await first.exited).toBeNull(); // killed by the signal, no clean-up ran

      const second = await startProcess(dir);
      const settled = await waitFor(async () => {
        const v = (await call(`/videos/${id}`, { token }, second.url)).body as Video;
        return ["READY", "FAILED"].includes(v.media.status) ? v : null;
      }, 90_000);
      if (settled.media.status === "FAILED") expect(settled.media.failureReason).toBeTruthy();
      else {
        expect(settled.media.status).toBe("READY");
        const mp4 = await fetch(`${second.url}${settled.media.mp4Url}`, { headers: { range: "bytes=0-7" } });
        expect(mp4.status).toBe(206);
        expect(
          Buffer.from(await mp4.arrayBuffer())
            .subarray(4, 8)
            .toString(),
        ).toBe("ftyp");
      }
    },
    240_000,
  );
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
