// How lessons reach the render queue: when one publishes (prepareRender, in the publishing
// transaction), and at worker start for anything a crash or an older version left behind. The
// worker renders one lesson at a time by default.
import { sendAsService } from "../../jobs/in-transaction.js";
import { JOBS } from "../../jobs/queues.js";
import type { AppContext } from "../../context.js";
import type { Queryable } from "../../db/index.js";
import { renderVideo } from "./job.js";
import * as repo from "./repository.js";
import { RenderThread } from "./thread/client.js";

/** How many rows one resume pass touches: a huge backlog drains over several passes. */
const RESUME_BATCH = 200;

/**
 * In the service transaction that publishes a lesson: its video is due, with its job queued in the
 * same transaction (so a published lesson never waits for a resume pass), or unavailable with the reason.
 */
export async function prepareRender(ctx: AppContext, tx: Queryable, videoId: string) {
  const { unavailable } = ctx.render;
  if (unavailable) await repo.markUnavailable(tx, videoId, unavailable.code, unavailable.reason);
  else {
    await repo.markPending(tx, videoId);
    if (ctx.render.renderer) await sendAsService(ctx.queue, tx, JOBS.renderVideo, { videoId });
  }
}

/**
 * Nothing stays RENDERING: renders whose worker died go back to PENDING (at once in embedded mode,
 * after a missed heartbeat otherwise), lessons published before videos existed get a row, and every
 * waiting render gets a job.
 */
export async function resumeRenders(ctx: AppContext, opts: { startup: boolean }) {
  const embedded = ctx.db.driver === "pglite";
  const staleSeconds = ctx.config.video.staleAfterMs / 1000;
  const ids = await ctx.db.asService(async (tx) => {
    const stale = await repo.releaseStale(tx, embedded && opts.startup, staleSeconds);
    const added = await repo.backfill(tx, RESUME_BATCH, ctx.render.unavailable);
    // At start-up every waiting render is sent again (its job may be lost); later only the new ones.
    const waiting = opts.startup ? await repo.pending(tx, RESUME_BATCH) : [];
    return [...new Set([...stale, ...(ctx.render.unavailable ? [] : added), ...waiting].map((r) => r.video_id))];
  });
  for (const videoId of ids) await ctx.queue.send(JOBS.renderVideo, { videoId });
  if (ids.length) ctx.log.info({ count: ids.length }, "render jobs queued");
}

export async function startRenderWorker(ctx: AppContext) {
  ctx.log.info({ video: ctx.render.detail }, "video rendering");
  // Each slot renders in its own thread, so the API's event loop never runs a render's work.
  const slots = Array.from({ length: ctx.config.video.concurrency }, () => ({
    thread: new RenderThread(),
    busy: false,
  }));
  const running = new Set<AbortController>();
  await ctx.queue.work<{ videoId: string }>(JOBS.renderVideo, { concurrency: slots.length }, async (data, job) => {
    const slot = slots.find((s) => !s.busy) ?? slots[0];
    slot.busy = true;
    try {
      await renderVideo(ctx, data.videoId, job, { thread: slot.thread, running });
    } finally {
      slot.busy = false;
    }
  });
  await resumeRenders(ctx, { startup: true });
  const timer = setInterval(
    () => void resumeRenders(ctx, { startup: false }).catch((err) => ctx.log.warn({ err }, "render resume failed")),
    ctx.config.video.staleAfterMs,
  );
  timer.unref();
  ctx.closers.push(async () => {
    clearInterval(timer);
    for (const render of running) render.abort(new Error("shutting down"));
  });
  // Runs after the queue has stopped (closers run in reverse): the aborted renders are handed back by then.
  ctx.closers.unshift(async () => {
    for (const slot of slots) await slot.thread.close();
  });
}
