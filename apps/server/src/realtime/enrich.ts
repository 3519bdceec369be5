// Turns a trigger's small payload into what clients render. Runs once per event, not per socket.
import type { CommentChangedEvent } from "@lm/core";
import { findPublicComment } from "../comments/service.js";
import type { Db } from "../db/index.js";

/**
 * A visible comment as the public sees it (the comments presenter with no viewer, so no moderation
 * reason); hidden or vanished ones travel as ids only, and clients drop them.
 */
export async function enrichComment(
  db: Db,
  ref: { id: string; videoId: string; isHidden: boolean },
): Promise<CommentChangedEvent> {
  const hidden = { id: ref.id, videoId: ref.videoId, isHidden: true };
  if (ref.isHidden) return hidden;
  return (await findPublicComment(db, ref.id)) ?? hidden;
}
