// Who is asking for a lesson's video files. `<video src>` and native players cannot send the
// Authorization header, so for a PRIVATE lesson a viewer who may see it (its creator, a moderator)
// first asks for a short-lived signed token and puts it in the file URLs (`?token=`).
import type { MediaToken } from "@lm/core";
import { sessionIsLive } from "../../auth/service.js";
import type { AppContext } from "../../context.js";
import type { Actor } from "../../db/types.js";
import { AppError, notFound } from "../../http/errors.js";
import type { AuthInfo } from "../../http/express.js";
import type { MediaFile } from "./files.js";
import { mediaUrl } from "./presenter.js";
import { visibleMedia } from "./repository.js";

/** Long enough to watch a lesson with pauses; a player whose token ran out asks for a new one. */
export const MEDIA_TOKEN_TTL_SECONDS = 60 * 60;

const invalid = () =>
  new AppError("invalid_media_token", "This video link is invalid or has expired; reload the lesson for a new one");

/**
 * The actor a file request runs as: the bearer's user, else the media token's (checked against this
 * lesson, its expiry and a live session, so signing out ends it), else anonymous. A token that is
 * there but wrong is a 401, as a dead bearer token is, so players know to fetch a new one.
 */
export async function mediaActor(
  ctx: AppContext,
  videoId: string,
  auth: AuthInfo | undefined,
  token: unknown,
): Promise<Actor> {
  if (auth) return { userId: auth.userId };
  if (token === undefined) return null;
  if (typeof token !== "string") throw invalid();
  const claims = ctx.tokens.parseMediaToken(token, videoId);
  if (!claims || !(await sessionIsLive(ctx.db, claims.sessionId, claims.userId))) throw invalid();
  return { userId: claims.userId };
}

/** RLS lets moderators read every lesson; its files, like the lesson, are the creator's until published. */
export const creatorOrPublic = (row: { lesson_status: string; created_by: string }, userId: string | undefined) =>
  row.lesson_status === "PUBLIC" || row.created_by === userId;

/** A token and the signed file URLs for a lesson whose video the caller may see; 404 otherwise. */
export async function issueMediaToken(ctx: AppContext, videoId: string, auth: AuthInfo): Promise<MediaToken> {
  const row = await ctx.db.withUser({ userId: auth.userId }, (tx) => visibleMedia(tx, videoId));
  if (!row || !creatorOrPublic(row, auth.userId)) throw notFound("Video");
  if (row.status !== "READY" || !row.version) throw notFound("The video of this lesson");
  const expiresAt = Math.floor(Date.now() / 1000) + MEDIA_TOKEN_TTL_SECONDS;
  const token = ctx.tokens.mediaToken(videoId, { userId: auth.userId, sessionId: auth.sessionId, expiresAt });
  // The token's characters are URL-safe (hex, '-', '.', base64url).
  const signed = (file: MediaFile) => `${mediaUrl(videoId, file, String(row.version))}&token=${token}`;
  return {
    token,
    expiresAt: new Date(expiresAt * 1000).toISOString(),
    mp4Url: signed("video.mp4"),
    captionsUrl: signed("captions.vtt"),
    chaptersUrl: signed("chapters.vtt"),
  };
}
