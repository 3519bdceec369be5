// The render-video job: claim the lesson's video, make it (render-lesson.ts), store its files, then
// in one transaction mark it READY and move the lesson's timestamps, duration and quiz links onto
// the video's clock. Every way out ends READY, FAILED (with a reason) or back in the queue.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Difficulty, Subject } from "@lm/core";
import type { AppContext } from "../../context.js";
import { JOBS, retryLimitOf } from "../../jobs/queues.js";
import { RenderError } from "./errors.js";
import { deleteMediaFiles, storeMediaFiles, thumbnailKey } from "./files.js";
import { mediaUrl } from "./presenter.js";
import * as repo from "./repository.js";
import { retimeQuiz } from "./retime.js";
import type { RenderThread } from "./thread/client.js";
import { TtsError } from "./tts/types.js";

const RETRY_LIMIT = retryLimitOf(JOBS.renderVideo);
const UNEXPECTED = "Something went wrong while making the video. The lesson still plays as slides.";
/** Progress is pushed to viewers at most this often (each push makes web clients refetch the lesson). */
const PUSH_EVERY_MS = 1000;
const PUSH_STEP = 5;

function failure(err: unknown): { code: RenderError["code"]; reason: string; retryable: boolean } {
  if (err instanceof RenderError || err instanceof TtsError)
    return { code: err.code, reason: err.message, retryable: err.retryable };
  return { code: "render_failed", reason: UNEXPECTED, retryable: true };
}

/** A render worker: its thread, and its renders in flight (aborted and handed back on shutdown). */
export interface RenderSlots {
  thread: RenderThread;
  running: Set<AbortController>;
}

export async function renderVideo(
  ctx: AppContext,
  videoId: string,
  job: { id: string; retryCount: number },
  { thread, running }: RenderSlots,
) {
  const staleSeconds = ctx.config.video.staleAfterMs / 1000;
  const claimed = await ctx.db.asService((tx) => repo.claim(tx, videoId, job.id, staleSeconds));
  if (!claimed) return; // done, deleted, unpublished, or another live worker has it
  const { renderer, unavailable } = ctx.render;
  if (!renderer) {
    const why = unavailable ?? { code: "render_disabled" as const, reason: "This worker cannot render videos." };
    await ctx.db.asService((tx) => repo.markUnavailable(tx, videoId, why.code, why.reason));
    return;
  }
  const lesson = await ctx.db.asService((tx) => repo.loadLesson(tx, videoId));
  if (!lesson) return;

  const abort = new AbortController();
  running.add(abort);
  let lost = false;
  // A chain, so progress writes land in order and the last one is awaited before finishing.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (progress?: number) => {
    writes = writes
      .then(() => ctx.db.asService((tx) => repo.beat(tx, videoId, job.id, progress)))
      .then((mine) => {
        if (!mine && !lost) {
          lost = true; // another worker took over (we looked dead): stop, write nothing
          abort.abort(new Error("claim lost"));
        }
      })
      .catch((err) => ctx.log.warn({ err, videoId }, "render heartbeat failed"));
  };
  const heartbeat = setInterval(() => write(), Math.max(250, ctx.config.video.staleAfterMs / 4));
  heartbeat.unref();
  let pushed = 0;
  let pushedAt = 0;
  const onProgress = (p: number) => {
    if (p < pushed + PUSH_STEP || Date.now() - pushedAt < PUSH_EVERY_MS) return;
    pushed = p;
    pushedAt = Date.now();
    write(Math.min(99, p));
  };

  const dir = await mkdtemp(join(tmpdir(), "lm-render-"));
  const started = performance.now();
  try {
    const poster = await ctx.storage.get(thumbnailKey(videoId)).catch(() => null);
    const out = await thread.render(
      {
        title: lesson.title,
        subject: lesson.subject as Subject,
        difficulty: lesson.difficulty as Difficulty,
        script: lesson.script,
        scriptSummary: lesson.script_summary,
        keyPoints: lesson.key_points,
      },
      renderer,
      { dir, poster: poster?.data, signal: abort.signal, onProgress },
    );
    clearInterval(heartbeat);
    await writes;
    if (lost) return;
    await storeMediaFiles(ctx.storage, videoId, { mp4Path: out.mp4, captions: out.captions, chapters: out.chapters });
    const version = Date.now();
    const t = out.timeline;
    const finished = await ctx.db.asService(async (tx) => {
      if (!(await repo.markReady(tx, videoId, job.id, { durationSec: t.duration, sizeBytes: out.sizeBytes, version })))
        return false;
      await repo.applyTiming(
        tx,
        videoId,
        { script: lesson.script, keyPoints: lesson.key_points },
        {
          timestamps: t.timestamps,
          duration: t.duration,
          quiz: retimeQuiz(lesson.quiz, lesson, t),
          videoUrl: mediaUrl(videoId, "video.mp4", String(version)),
        },
      );
      return true;
    });
    // Deleted (or taken over) while the files were being stored: leave nothing behind.
    if (!finished && !(await ctx.db.asService((tx) => repo.loadLesson(tx, videoId))))
      await deleteMediaFiles(ctx.storage, videoId);
    ctx.log.info(
      { videoId, seconds: t.duration, bytes: out.sizeBytes, ms: Math.round(performance.now() - started) },
      "video rendered",
    );
  } catch (err) {
    clearInterval(heartbeat);
    await writes;
    if (lost) return;
    if (abort.signal.aborted) {
      // Shutting down: hand it back; the next start resumes it.
      await ctx.db.asService((tx) => repo.release(tx, videoId, job.id));
      return;
    }
    const f = failure(err);
    if (f.retryable && job.retryCount < RETRY_LIMIT) {
      ctx.log.warn({ err, videoId, attempt: job.retryCount + 1 }, "render failed; retrying");
      await ctx.db.asService((tx) => repo.release(tx, videoId, job.id));
      throw err; // pg-boss retries with backoff
    }
    if (f.code === "render_failed") ctx.log.error({ err, videoId }, "render crashed");
    else ctx.log.info({ videoId, code: f.code, reason: f.reason }, "render failed");
    await ctx.db.asService((tx) => repo.markFailed(tx, videoId, job.id, f.code, f.reason));
  } finally {
    clearInterval(heartbeat);
    running.delete(abort);
    await rm(dir, { recursive: true, force: true });
  }
}
