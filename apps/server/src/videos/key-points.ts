// Regenerating one key point (issue 17 item 6): the creator rewrites a point students called
// inaccurate. It is rewritten from the lesson's notes (no model needed, so it works offline) and
// its inaccuracy reports are closed, since they were about the old wording. The rendered video
// showed the old wording too, so it is rendered again (the slides serve until it is ready).
import { rewriteKeyPoint } from "../ai/grounding.js";
import type { AppContext } from "../context.js";
import { AppError, forbidden, notFound } from "../http/errors.js";
import { prepareRender } from "../media/render/queue.js";
import type { AuthInfo } from "../http/express.js";
import * as reports from "./reports.js";
import * as repo from "./repository.js";
import { seesLesson } from "./service.js";

export async function regenerateKeyPoint(ctx: AppContext, id: string, index: number, auth: AuthInfo) {
  // Visibility under the caller's RLS first: a lesson they cannot see is a 404, not a 403.
  const row = await ctx.db.withUser({ userId: auth.userId }, (tx) => repo.findVisible(tx, id));
  if (!row || !seesLesson(row, auth)) throw notFound("Video");
  if (row.u_id !== auth.userId) throw forbidden("Only the creator can regenerate a key point");
  if (index >= row.key_points.length) throw notFound("Key point");
  await ctx.db.asService(async (tx) => {
    const v = await repo.loadForGeneration(tx, id);
    if (!v?.source_text?.trim()) {
      throw new AppError("conflict", "Only a lesson made from notes can rewrite a key point from them");
    }
    const rewritten = rewriteKeyPoint(row.key_points, index, v.source_text);
    if (!rewritten) throw new AppError("conflict", "The notes have nothing else to say for this key point");
    const keyPoints = row.key_points.with(index, rewritten.text);
    const sources = row.key_points.map((_, i) => row.key_point_sources?.[i] ?? null).with(index, rewritten.source);
    await repo.replaceKeyPoints(tx, id, keyPoints, sources);
    await reports.resolveKeyPoint(tx, id, index, auth.userId);
    await prepareRender(ctx, tx, id);
  });
}
