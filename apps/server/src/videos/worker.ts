// The generate-video job: claim the video, run the AI pipeline, render the thumbnail, publish.
// Every way out ends in PUBLIC/PRIVATE, FAILED or REJECTED with a reason a student understands.
import { countGenerationJob, setGenerationQueueDepth } from "../ai/metrics.js";
import { groundKeyPoints } from "../ai/grounding.js";
import { GenerationError, generateLesson, type LessonInput } from "../ai/pipeline.js";
import type { AppContext } from "../context.js";
import { JOBS, retryLimitOf } from "../jobs/queues.js";
import { thumbnailKey, thumbnailUrl } from "../media/render/files.js";
import { notifyLessonFailed, notifyLessonReady } from "../notifications/index.js";
import { prepareRender } from "../media/render/queue.js";
import { renderThumbnail } from "../media/thumbnail.js";
import * as repo from "./repository.js";

const RETRY_LIMIT = retryLimitOf(JOBS.generateVideo);
// A live generation touches its claim every HEARTBEAT_MS; one not touched for STALE_CLAIM lost its
// worker (a crash, kill -9, or a database restart mid-job), and the reaper hands it to a new job.
const HEARTBEAT_MS = 3_000;
const STALE_CLAIM = "12 seconds";
const REAP_EVERY_MS = 3_000;
const UNEXPECTED = "Something went wrong while writing your lesson. Please try again.";

/** Claims the video for this job; false when another live job has it or it is already done. */
async function claim(ctx: AppContext, videoId: string, jobId: string) {
  const rows = await ctx.db.asService((tx) => repo.claimGeneration(tx, videoId, jobId, ctx.llm.name, STALE_CLAIM));
  return rows.length > 0;
}

/** Keeps this job's claim fresh while it runs; a database blip only skips a beat. */
function heartbeat(ctx: AppContext, videoId: string, jobId: string) {
  const timer = setInterval(() => {
    ctx.db.asService((tx) => repo.refreshClaim(tx, videoId, jobId)).catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export async function generateVideo(ctx: AppContext, videoId: string, job: { id: string; retryCount: number }) {
  if (!(await claim(ctx, videoId, job.id))) return;
  const stopHeartbeat = heartbeat(ctx, videoId, job.id);
  try {
    await runGeneration(ctx, videoId, job);
  } finally {
    stopHeartbeat();
  }
}

async function runGeneration(ctx: AppContext, videoId: string, job: { id: string; retryCount: number }) {
  const v = await ctx.db.asService((tx) => repo.loadForGeneration(tx, videoId));
  if (!v) return;
  const input: LessonInput = {
    topic: v.topic,
    subject: v.subject as LessonInput["subject"],
    difficulty: v.difficulty as LessonInput["difficulty"],
    sourceText: v.source_text,
  };
  try {
    const lesson = await generateLesson(input, ctx.llm);
    const png = await renderThumbnail({ title: lesson.title, subject: input.subject });
    await ctx.storage.put(thumbnailKey(videoId), png, "image/png");
    // A creator who renamed the video while it was generating keeps their title.
    const keepTitle = v.title !== v.topic ? v.title : null;
    await ctx.db.asService(async (tx) => {
      const stored = await repo.storeLesson(tx, videoId, lesson, thumbnailUrl(videoId, Date.now()), keepTitle);
      await repo.storeKeyPointSources(tx, videoId, groundKeyPoints(lesson.keyPoints, v.source_text));
      await prepareRender(ctx, tx, videoId);
      if (stored) await notifyLessonReady(tx, stored);
    });
    // The lesson is out; its video follows in its own job (queued by prepareRender) and never holds it back.
    countGenerationJob("completed");
  } catch (err) {
    const lastTry = job.retryCount >= RETRY_LIMIT;
    if (err instanceof GenerationError) {
      if (err.retryable && !lastTry) {
        await ctx.db.asService((tx) => repo.backToPending(tx, videoId));
        throw err; // pg-boss retries with backoff
      }
      ctx.log.info({ videoId, step: err.step }, "generation failed");
      const rejected = err.step === "moderation";
      await ctx.db.asService(async (tx) => {
        const failed = await repo.markFailed(tx, videoId, err.code, err.reason, rejected ? "REJECTED" : "FAILED");
        if (failed) await notifyLessonFailed(tx, failed, err.reason, rejected);
      });
      countGenerationJob(err.step === "moderation" ? "rejected" : "failed");
      return;
    }
    ctx.log.error({ err, videoId }, "generation crashed");
    if (!lastTry) {
      await ctx.db.asService((tx) => repo.backToPending(tx, videoId));
      throw err;
    }
    await ctx.db.asService(async (tx) => {
      const failed = await repo.markFailed(tx, videoId, "unexpected", UNEXPECTED);
      if (failed) await notifyLessonFailed(tx, failed, UNEXPECTED, false);
    });
    countGenerationJob("failed");
  }
}

/**
 * After a crash or restart nothing may stay PENDING or GENERATING: every unfinished video gets a job
 * again. In embedded mode this process is the only worker, so its old claims are stale by definition.
 */
export async function resumeUnfinished(ctx: AppContext) {
  const embedded = ctx.db.driver === "pglite";
  const rows = await ctx.db.asService(async (tx) => {
    if (embedded) await repo.releaseAllClaims(tx);
    return repo.unfinished(tx);
  });
  for (const row of rows) await ctx.queue.send(JOBS.generateVideo, { videoId: row.id });
  if (rows.length) ctx.log.info({ count: rows.length }, "resumed unfinished generations");
}

/**
 * Finds generations whose worker is gone (a stale claim) and PENDING videos no job will pick up (a
 * retry that could not be recorded while the database was down), and queues them again. Several
 * workers may reap at once: the claim lets only one job run a video.
 */
export async function reapOrphans(ctx: AppContext) {
  // As the connection's own role, not service_role: it reads pg-boss's table, which no client role may.
  const rows = await repo.orphaned(ctx.db, JOBS.generateVideo, STALE_CLAIM);
  for (const row of rows) await ctx.queue.send(JOBS.generateVideo, { videoId: row.id });
  if (rows.length) ctx.log.info({ count: rows.length }, "re-queued orphaned generations");
  return rows.length;
}

export async function startVideoWorkers(ctx: AppContext) {
  await ctx.queue.work<{ videoId: string }>(
    JOBS.generateVideo,
    { concurrency: Math.max(1, ctx.llm.concurrency) },
    (data, job) => generateVideo(ctx, data.videoId, job),
  );
  await resumeUnfinished(ctx);
  // Trending scores and the queue-depth gauge, refreshed in the background.
  const tick = async () => {
    await ctx.db.asService(repo.refreshTrendingScores).catch(() => {});
    setGenerationQueueDepth(await ctx.queue.depth(JOBS.generateVideo).catch(() => 0));
  };
  await tick();
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  let reapFailing = false;
  const reaper = setInterval(() => {
    reapOrphans(ctx).then(
      () => {
        reapFailing = false;
      },
      (err) => {
        // Once per outage, not every few seconds while the database is away.
        if (!reapFailing) ctx.log.warn({ err }, "cannot look for orphaned generations");
        reapFailing = true;
      },
    );
  }, REAP_EVERY_MS);
  reaper.unref();
  ctx.closers.push(async () => {
    clearInterval(timer);
    clearInterval(reaper);
  });
}
