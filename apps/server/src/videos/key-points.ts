// Regenerating one key point (issue 17 item 6): the creator rewrites a point students called
// inaccurate, either from the lesson's notes (no model needed, so it works offline) or by asking the
// configured model for a corrected wording grounded in the notes (or the script). Its inaccuracy
// reports are closed, since they were about the old wording. The rendered video showed the old
// wording too, so it is rendered again (the slides serve until it is ready).
import type { KeyPointRegenerateInput, KeyPointSource } from "@lm/core";
import { isGenerationError } from "../ai/errors.js";
import { groundKeyPoint, rewriteKeyPoint } from "../ai/grounding.js";
import { rewordKeyPoint } from "../ai/key-point.js";
import { moderateText } from "../ai/moderation.js";
import type { AppContext } from "../context.js";
import { AppError, forbidden, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { prepareRender } from "../media/render/queue.js";
import type { VideoRow } from "./presenter.js";
import * as reports from "./reports.js";
import * as repo from "./repository.js";
import { seesLesson } from "./service.js";

type Using = NonNullable<KeyPointRegenerateInput["using"]>;

export async function regenerateKeyPoint(
  ctx: AppContext,
  id: string,
  index: number,
  auth: AuthInfo,
  using: Using = "notes",
) {
  // Visibility under the caller's RLS first: a lesson they cannot see is a 404, not a 403.
  const row = await ctx.db.withUser({ userId: auth.userId }, (tx) => repo.findVisible(tx, id));
  if (!row || !seesLesson(row, auth)) throw notFound("Video");
  if (row.u_id !== auth.userId) throw forbidden("Only the creator can regenerate a key point");
  if (index >= row.key_points.length) throw notFound("Key point");
  const stored = await ctx.db.asService((tx) => repo.loadForGeneration(tx, id));
  const notes = stored?.source_text?.trim() ? stored.source_text : null;
  // The model call happens outside any transaction: it can take seconds on a local model.
  const replacement = using === "ai" ? await askModel(ctx, row, index, notes) : null;
  await ctx.db.asService(async (tx) => {
    const current = await repo.findVisible(tx, id);
    if (!current) throw notFound("Video");
    // Someone else changed the key points while the model was writing: do not overwrite their edit.
    if (current.key_points[index] !== row.key_points[index]) {
      throw new AppError("conflict", "The key point changed while it was being rewritten; try again");
    }
    const next = replacement ?? fromNotes(current, index, notes);
    const keyPoints = current.key_points.with(index, next.text);
    const sources = current.key_points.map((_, i) => current.key_point_sources?.[i] ?? null).with(index, next.source);
    await repo.replaceKeyPoints(tx, id, keyPoints, sources);
    await reports.resolveKeyPoint(tx, id, index, auth.userId);
    await prepareRender(ctx, tx, id);
  });
}

function fromNotes(row: VideoRow, index: number, notes: string | null) {
  if (!notes) {
    throw new AppError("conflict", "Only a lesson made from notes can rewrite a key point from them");
  }
  const rewritten = rewriteKeyPoint(row.key_points, index, notes);
  if (!rewritten) throw new AppError("conflict", "The notes have nothing else to say for this key point");
  return rewritten;
}

async function askModel(
  ctx: AppContext,
  row: VideoRow,
  index: number,
  notes: string | null,
): Promise<{ text: string; source: KeyPointSource | null }> {
  if (ctx.llm.name === "offline") {
    throw new AppError("service_unavailable", "No AI model is configured on this server to rewrite the key point", {
      reason: "no_model",
    });
  }
  const source = notes ?? row.script;
  if (!source?.trim()) throw new AppError("conflict", "The lesson has neither notes nor a script to rewrite from");
  // Reasons are students' words: only those the lexical pass approves reach the prompt.
  const reasons = await ctx.db.asService((tx) => reports.openKeyPointReasons(tx, row.id, index));
  try {
    const text = await rewordKeyPoint(
      {
        topic: row.topic,
        subject: row.subject,
        keyPoints: row.key_points,
        index,
        source,
        reasons: reasons.filter((r) => moderateText(r).status === "APPROVED"),
      },
      ctx.llm,
      { signal: AbortSignal.timeout(120_000) },
    );
    return { text, source: notes ? groundKeyPoint(text, notes) : null };
  } catch (err) {
    if (!isGenerationError(err)) throw err;
    // Nothing is stored: the reports stay open and the creator can try again or rewrite from the notes.
    if (err.step === "config" || err.step === "model") {
      throw new AppError("service_unavailable", err.reason, { reason: err.code });
    }
    throw new AppError("content_rejected", err.reason, { reason: err.code });
  }
}
