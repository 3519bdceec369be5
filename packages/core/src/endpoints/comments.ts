// /comments/*: a lesson's discussion (moderated).
import { Page } from "../schemas/common.js";
import { Comment, CommentCreateInput, CommentListQuery, CommentUpdateInput, ReportInput } from "../schemas/social.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Comments";

export const comments = {
  list: {
    method: "GET",
    path: "/comments",
    access: "optional",
    status: 200,
    tag,
    summary: "Comments of a lesson",
    errors: ["not_found"],
  },
  create: {
    method: "POST",
    path: "/comments",
    access: "verified",
    status: 201,
    tag,
    summary: "Comment (moderated)",
    errors: ["not_found", "content_rejected", "rate_limited"],
  },
  update: {
    method: "PATCH",
    path: "/comments/:id",
    access: "user",
    status: 200,
    tag,
    summary: "Edit your comment",
    errors: ["not_found", "forbidden", "content_rejected"],
  },
  remove: {
    method: "DELETE",
    path: "/comments/:id",
    access: "user",
    status: 204,
    tag,
    summary: "Delete a comment",
    errors: ["not_found", "forbidden"],
  },
  report: {
    method: "POST",
    path: "/comments/:id/report",
    access: "user",
    status: 202,
    tag,
    summary: "Report a comment",
    errors: ["not_found", "cannot_report_own_comment"],
  },
} as const satisfies Routes;

export const commentsIO = () =>
  ({
    list: { query: CommentListQuery, response: Page(Comment) },
    create: { body: CommentCreateInput, response: Comment },
    update: { body: CommentUpdateInput, response: Comment },
    remove: {},
    report: { body: ReportInput },
  }) satisfies IOFor<typeof comments>;
