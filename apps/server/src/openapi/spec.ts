// OpenAPI 3.1 generated from the same zod schemas the routes validate with.
import * as core from "@lm/core";
import { z } from "zod";
import { CARD_OPS } from "./cards-ops.js";
import { PLANNER_OPS } from "./planner-ops.js";
import type { Op } from "./op.js";

/** The file URLs' query: the render's version (for caching) and, for a PRIVATE lesson, a media token. */
const MediaFileQuery = z.object({
  v: z.string().optional().describe("The render's version, as in media.mp4Url: such a URL is cached for good"),
  token: z
    .string()
    .optional()
    .describe("A token from GET /videos/{id}/media-token; wrong or expired → 401 invalid_media_token"),
});

const page = <T extends z.ZodType>(item: T) => core.Page(item);

const OPS: Op[] = [
  ...CARD_OPS,
  ...PLANNER_OPS,
  {
    method: "post",
    path: "/auth/register",
    tag: "Auth",
    summary: "Create an account",
    body: core.RegisterInput,
    response: core.AuthResult,
    status: 201,
  },
  {
    method: "post",
    path: "/auth/login",
    tag: "Auth",
    summary: "Log in",
    body: core.LoginInput,
    response: core.AuthResult,
  },
  {
    method: "post",
    path: "/auth/refresh-token",
    tag: "Auth",
    summary: "Rotate the refresh token",
    body: core.RefreshInput,
    response: z.object({ session: core.Session }),
  },
  { method: "post", path: "/auth/logout", tag: "Auth", summary: "End this session", auth: true, status: 204 },
  {
    method: "post",
    path: "/auth/verify-email",
    tag: "Auth",
    summary: "Verify an email address",
    body: core.TokenInput,
    response: z.object({ user: core.User }),
  },
  {
    method: "post",
    path: "/auth/resend-verification",
    tag: "Auth",
    summary: "Send the verification email again",
    auth: true,
    status: 202,
  },
  {
    method: "post",
    path: "/auth/forgot-password",
    tag: "Auth",
    summary: "Mail a password reset link",
    body: core.ForgotPasswordInput,
    status: 202,
  },
  {
    method: "post",
    path: "/auth/reset-password",
    tag: "Auth",
    summary: "Set a new password; ends every session",
    body: core.ResetPasswordInput,
  },
  { method: "get", path: "/users/me", tag: "Users", summary: "Your profile", auth: true, response: core.User },
  {
    method: "get",
    path: "/users/{id}",
    tag: "Users",
    summary: "A profile (public view for others)",
    response: z.union([core.User, core.PublicUser]),
  },
  {
    method: "patch",
    path: "/users/{id}",
    tag: "Users",
    summary: "Update your profile",
    auth: true,
    body: core.UserUpdateInput,
    response: core.User,
  },
  {
    method: "delete",
    path: "/users/{id}",
    tag: "Users",
    summary: "Delete an account and everything it owns",
    auth: true,
    status: 204,
  },
  {
    method: "get",
    path: "/users/{id}/stats",
    tag: "Users",
    summary: "Your study stats",
    auth: true,
    response: core.UserStats,
  },
  {
    method: "get",
    path: "/capabilities",
    tag: "Videos",
    summary: "What this server can do: text and speech providers, whether a topic alone is enough, video",
    response: core.Capabilities,
  },
  {
    method: "get",
    path: "/videos",
    tag: "Videos",
    summary: "The feed",
    query: core.VideoListQuery,
    response: page(core.Video),
  },
  {
    method: "post",
    path: "/videos",
    tag: "Videos",
    summary: "Request a generated lesson",
    auth: true,
    body: core.VideoCreateInput,
    response: core.Video,
    status: 202,
  },
  { method: "get", path: "/videos/{id}", tag: "Videos", summary: "One lesson", response: core.Video },
  {
    method: "patch",
    path: "/videos/{id}",
    tag: "Videos",
    summary: "Edit your lesson",
    auth: true,
    body: core.VideoUpdateInput,
    response: core.Video,
  },
  { method: "delete", path: "/videos/{id}", tag: "Videos", summary: "Delete a lesson", auth: true, status: 204 },
  {
    method: "post",
    path: "/videos/{id}/retry",
    tag: "Videos",
    summary: "Retry a failed generation",
    auth: true,
    response: core.Video,
    status: 202,
  },
  {
    method: "post",
    path: "/videos/{id}/view",
    tag: "Videos",
    summary: "Count a view",
    body: core.ViewInput,
    status: 204,
  },
  ...(["video.mp4", "captions.vtt", "chapters.vtt"] as const).map(
    (file): Op => ({
      method: "get",
      path: `/videos/{id}/${file}`,
      tag: "Videos",
      summary:
        file === "video.mp4"
          ? "The lesson's narrated MP4 (Range requests: 206, 416); same visibility as the lesson"
          : `The lesson's WebVTT ${file === "captions.vtt" ? "captions" : "chapters (one per key point)"}`,
      query: MediaFileQuery,
      responseType: file === "video.mp4" ? "video/mp4" : "text/vtt",
    }),
  ),
  {
    method: "get",
    path: "/videos/{id}/media-token",
    tag: "Videos",
    summary:
      "Signed file URLs for a lesson's video, for players that cannot send Authorization (a PRIVATE lesson's <video src>): valid for one hour, for this lesson, user and session (extension)",
    auth: true,
    response: core.MediaToken,
  },
  {
    method: "get",
    path: "/comments",
    tag: "Comments",
    summary: "Comments of a lesson",
    query: core.CommentListQuery,
    response: page(core.Comment),
  },
  {
    method: "post",
    path: "/comments",
    tag: "Comments",
    summary: "Comment (moderated)",
    auth: true,
    body: core.CommentCreateInput,
    response: core.Comment,
    status: 201,
  },
  {
    method: "patch",
    path: "/comments/{id}",
    tag: "Comments",
    summary: "Edit your comment",
    auth: true,
    body: core.CommentUpdateInput,
    response: core.Comment,
  },
  { method: "delete", path: "/comments/{id}", tag: "Comments", summary: "Delete a comment", auth: true, status: 204 },
  {
    method: "post",
    path: "/comments/{id}/report",
    tag: "Comments",
    summary: "Report a comment",
    auth: true,
    body: core.ReportInput,
    status: 202,
  },
  {
    method: "post",
    path: "/videos/{id}/report",
    tag: "Videos",
    summary: "Report a published lesson to the moderators (extension)",
    auth: true,
    body: core.ReportInput,
    status: 202,
  },
  {
    method: "get",
    path: "/moderation/videos",
    tag: "Moderation",
    summary: "Reported lessons waiting for review, longest-waiting first (moderators; extension)",
    auth: true,
    query: core.PageQuery,
    response: page(core.ReportedVideo),
  },
  {
    method: "post",
    path: "/moderation/videos/{id}",
    tag: "Moderation",
    summary: "Keep (APPROVE) or remove (REJECT) a reported lesson (moderators; extension)",
    auth: true,
    body: core.VideoModerationInput,
    response: core.Video,
  },
  {
    method: "post",
    path: "/ratings",
    tag: "Ratings",
    summary: "Rate a lesson",
    auth: true,
    body: core.RatingInput,
    response: core.RatingResult,
  },
  {
    method: "get",
    path: "/ratings",
    tag: "Ratings",
    summary: "Rating summary",
    query: z.object({ videoId: core.Id }),
    response: core.RatingSummary,
  },
  {
    method: "get",
    path: "/planner/events",
    tag: "Planner",
    summary: "Your events",
    auth: true,
    query: core.PlannerEventQuery,
    response: z.object({ items: z.array(core.PlannerEvent), nextCursor: z.string().nullable() }),
  },
  {
    method: "post",
    path: "/planner/events",
    tag: "Planner",
    summary: "Create an event",
    auth: true,
    body: core.PlannerEventCreateInput,
    response: core.PlannerEvent,
    status: 201,
  },
  {
    method: "patch",
    path: "/planner/events/{id}",
    tag: "Planner",
    summary: "Update an event",
    auth: true,
    body: core.PlannerEventUpdateInput,
    response: core.PlannerEvent,
  },
  {
    method: "delete",
    path: "/planner/events/{id}",
    tag: "Planner",
    summary: "Delete an event",
    auth: true,
    status: 204,
  },
  {
    method: "get",
    path: "/notifications",
    tag: "Notifications",
    summary: "Your notifications",
    auth: true,
    query: core.PageQuery,
    response: page(core.Notification),
  },
  {
    method: "get",
    path: "/notifications/unread-count",
    tag: "Notifications",
    summary: "How many of your notifications are unread (extension)",
    auth: true,
    response: core.UnreadCount,
  },
];

function schema(s: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" });
}

function queryParameters(q: z.ZodType) {
  const js = schema(q, "input") as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string", format: "uuid" },
    }));
    const status = String(op.status ?? 200);
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { [op.contentType ?? "application/json"]: { schema: schema(op.body, "input") } },
            },
          }
        : {}),
      responses: {
        [status]: op.response
          ? { description: "OK", content: { "application/json": { schema: schema(op.response, "output") } } }
          : op.responseType
            ? { description: "OK", content: { [op.responseType]: { schema: { type: "string", format: "binary" } } } }
            : { description: "OK" },
        ...(op.responseType === "video/mp4"
          ? {
              "206": {
                description: "The requested byte range",
                content: { "video/mp4": { schema: { type: "string", format: "binary" } } },
              },
            }
          : {}),
        default: {
          description: "Problem details",
          content: { "application/problem+json": { schema: schema(core.Problem, "output") } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Little Monster API",
      version: "1.0.0",
      description: "The HTTP contract of Little Monster (api-v1.md).",
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    paths,
  };
}
