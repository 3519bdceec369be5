// Serving a lesson's video files: the lesson's own visibility (RLS: PUBLIC, its creator, moderators),
// then the file from storage. Routes stay thin; this is what a route table will call.
import type { Readable } from "node:stream";
import type { AppContext } from "../../context.js";
import { AppError, notFound } from "../../http/errors.js";
import type { AuthInfo } from "../../http/express.js";
import { creatorOrPublic, mediaActor } from "./access.js";
import { MEDIA_FILES, type MediaFile, mediaKey } from "./files.js";
import { parseRange } from "./range.js";
import { visibleMedia } from "./repository.js";

export interface MediaRequest {
  videoId: string;
  file: MediaFile;
  auth?: AuthInfo;
  /** `?token=`: a media token (access.ts), for players that cannot send Authorization. */
  token?: unknown;
  range?: string;
  ifNoneMatch?: string;
  ifRange?: string;
  version?: string;
}

/** Finds the file the caller may see; 404 when the lesson is not theirs to see or has no video yet. */
async function locate(ctx: AppContext, req: MediaRequest) {
  const actor = await mediaActor(ctx, req.videoId, req.auth, req.token);
  const row = await ctx.db.withUser(actor, (tx) => visibleMedia(tx, req.videoId));
  // Unpublished lessons are their creator's alone (moderators included: see VideosService.get).
  if (!row || !creatorOrPublic(row, actor?.userId)) throw notFound("Video");
  if (row.status !== "READY" || !row.version) throw notFound("The video of this lesson");
  const info = await ctx.storage.stat(mediaKey(req.videoId, req.file));
  if (!info) throw notFound("The video of this lesson");
  return { ...info, version: String(row.version), isPublic: row.lesson_status === "PUBLIC" };
}

export interface MediaResponse {
  status: 200 | 206 | 304;
  headers: Record<string, string>;
  /** The bytes to send (opened only when the route sends a body). */
  body?: () => Readable;
}

/** The file (or the requested byte range) with its caching and range headers. */
export async function openMediaFile(ctx: AppContext, req: MediaRequest): Promise<MediaResponse> {
  const f = await locate(ctx, req);
  const etag = `"${f.version}-${f.size}"`;
  // If-Range with another version: the client's partial copy is stale, so it gets the whole file.
  const range = req.ifRange && req.ifRange !== etag ? { kind: "full" as const } : parseRange(req.range, f.size);
  if (range.kind === "unsatisfiable") {
    throw new AppError("range_not_satisfiable", `The file has ${f.size} bytes`, {
      headers: { "Content-Range": `bytes */${f.size}`, "Accept-Ranges": "bytes" },
    });
  }
  // A versioned URL (what the API hands out) never changes: cache it for good; an unversioned one
  // briefly. Private lessons' files stay out of shared caches.
  const versioned = req.version === f.version;
  const headers: Record<string, string> = {
    "Cache-Control": `${f.isPublic ? "public" : "private"}, max-age=${versioned ? "31536000, immutable" : "300"}`,
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Content-Type": MEDIA_FILES[req.file],
  };
  if (req.ifNoneMatch?.split(/\s*,\s*/).includes(etag)) return { status: 304, headers };
  const key = mediaKey(req.videoId, req.file);
  if (range.kind === "full") {
    return {
      status: 200,
      headers: { ...headers, "Content-Length": String(f.size) },
      body: () => ctx.storage.stream(key),
    };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      "Content-Range": `bytes ${range.start}-${range.end}/${f.size}`,
      "Content-Length": String(range.end - range.start + 1),
    },
    body: () => ctx.storage.stream(key, range),
  };
}
