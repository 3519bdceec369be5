// /videos/*: the feed, lessons, their files and reports.
import { z } from "zod";
import { Id, Page } from "../schemas/common.js";
import {
  MediaToken,
  Video,
  VideoCreateInput,
  VideoListQuery,
  KeyPointRegenerateInput,
  VideoReportInput,
  VideoUpdateInput,
  ViewInput,
  WatchInput,
  WatchResult,
} from "../schemas/videos.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Videos";
const FILE_ERRORS = ["not_found", "invalid_media_token", "range_not_satisfiable"] as const;
const file = <P extends string>(path: P, summary: string, responseType: string) =>
  ({ method: "GET", path, access: "optional", status: 200, tag, summary, errors: FILE_ERRORS, responseType }) as const;

export const videos = {
  list: {
    method: "GET",
    path: "/videos",
    access: "optional",
    status: 200,
    tag,
    summary: "The feed",
    errors: [],
  },
  create: {
    method: "POST",
    path: "/videos",
    access: "verified",
    status: 202,
    tag,
    summary: "Request a generated lesson",
    errors: ["content_rejected", "rate_limited"],
  },
  get: {
    method: "GET",
    path: "/videos/:id",
    access: "optional",
    status: 200,
    tag,
    summary: "One lesson",
    errors: ["not_found"],
  },
  update: {
    method: "PATCH",
    path: "/videos/:id",
    access: "user",
    status: 200,
    tag,
    summary: "Edit your lesson",
    errors: ["not_found", "forbidden", "content_rejected"],
  },
  remove: {
    method: "DELETE",
    path: "/videos/:id",
    access: "user",
    status: 204,
    tag,
    summary: "Delete a lesson",
    errors: ["not_found", "forbidden"],
  },
  retry: {
    method: "POST",
    path: "/videos/:id/retry",
    access: "user",
    status: 202,
    tag,
    summary: "Retry a failed generation",
    errors: ["not_found", "forbidden", "conflict"],
  },
  report: {
    method: "POST",
    path: "/videos/:id/report",
    access: "user",
    status: 202,
    tag,
    summary: "Report a published lesson to the moderators (extension)",
    errors: ["not_found", "cannot_report_own_video"],
  },
  regenerateKeyPoint: {
    method: "POST",
    path: "/videos/:id/key-points/:index/regenerate",
    access: "user",
    status: 200,
    tag,
    summary:
      "Rewrite one key point from the lesson's notes or with the AI model, and close its inaccuracy reports (extension; creator only)",
    errors: ["not_found", "forbidden", "conflict", "validation_error", "content_rejected", "service_unavailable"],
  },
  view: {
    method: "POST",
    path: "/videos/:id/view",
    access: "optional",
    status: 204,
    tag,
    summary: "Count a view",
    errors: ["not_found"],
  },
  watch: {
    method: "POST",
    path: "/videos/:id/watch",
    access: "user",
    status: 200,
    tag,
    summary: "A player's heartbeat: seconds watched, counted toward study time (extension)",
    errors: ["not_found"],
  },
  thumbnail: {
    method: "GET",
    path: "/videos/:id/thumbnail.png",
    access: "optional",
    status: 200,
    tag,
    summary: "The lesson's thumbnail (same visibility as the lesson)",
    errors: ["not_found"],
    responseType: "image/png",
  },
  mediaToken: {
    method: "GET",
    path: "/videos/:id/media-token",
    access: "user",
    status: 200,
    tag,
    summary:
      "Signed file URLs for a lesson's video, for players that cannot send Authorization (a PRIVATE lesson's <video src>): valid for one hour, for this lesson, user and session (extension)",
    errors: ["not_found"],
  },
  mp4: file(
    "/videos/:id/video.mp4",
    "The lesson's narrated MP4 (Range requests: 206, 416); same visibility as the lesson",
    "video/mp4",
  ),
  captions: file("/videos/:id/captions.vtt", "The lesson's WebVTT captions", "text/vtt"),
  chapters: file("/videos/:id/chapters.vtt", "The lesson's WebVTT chapters (one per key point)", "text/vtt"),
} as const satisfies Routes;

/** The file URLs' query: the render's version (for caching) and, for a PRIVATE lesson, a media token. */
const mediaFileQuery = () =>
  z.object({
    v: z.string().optional().describe("The render's version, as in media.mp4Url: such a URL is cached for good"),
    token: z
      .string()
      .optional()
      .describe("A token from GET /videos/{id}/media-token; wrong or expired → 401 invalid_media_token"),
  });

export const videosIO = () => {
  const fileQuery = mediaFileQuery();
  return {
    list: { query: VideoListQuery, response: Page(Video) },
    create: { body: VideoCreateInput, response: Video },
    get: { response: Video },
    update: { body: VideoUpdateInput, response: Video },
    remove: {},
    retry: { response: Video },
    report: { body: VideoReportInput },
    regenerateKeyPoint: {
      body: KeyPointRegenerateInput,
      params: z.object({ id: Id, index: z.coerce.number().int().min(0).max(99) }),
      response: Video,
    },
    view: { body: ViewInput },
    watch: { body: WatchInput, response: WatchResult },
    thumbnail: {},
    mediaToken: { response: MediaToken },
    mp4: { query: fileQuery },
    captions: { query: fileQuery },
    chapters: { query: fileQuery },
  } satisfies IOFor<typeof videos>;
};
