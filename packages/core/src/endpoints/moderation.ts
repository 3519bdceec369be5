// /moderation/*: the comment review queue and the reported lessons (MODERATOR and ADMIN).
import { Page, PageQuery } from "../schemas/common.js";
import { Comment, ModerationDecisionInput } from "../schemas/social.js";
import { ReportedVideo, Video, VideoModerationInput } from "../schemas/videos.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Moderation";

export const moderation = {
  queue: {
    method: "GET",
    path: "/moderation/queue",
    access: "moderator",
    status: 200,
    tag,
    summary: "Comments waiting for review (moderators)",
    errors: [],
  },
  decideComment: {
    method: "POST",
    path: "/moderation/comments/:id",
    access: "moderator",
    status: 200,
    tag,
    summary: "Approve or reject a comment under review (moderators)",
    errors: ["not_found", "conflict"],
  },
  videos: {
    method: "GET",
    path: "/moderation/videos",
    access: "moderator",
    status: 200,
    tag,
    summary: "Reported lessons waiting for review, longest-waiting first (moderators; extension)",
    errors: [],
  },
  decideVideo: {
    method: "POST",
    path: "/moderation/videos/:id",
    access: "moderator",
    status: 200,
    tag,
    summary: "Keep (APPROVE) or remove (REJECT) a reported lesson (moderators; extension)",
    errors: ["not_found", "conflict"],
  },
} as const satisfies Routes;

export const moderationIO = () =>
  ({
    queue: { query: PageQuery, response: Page(Comment) },
    decideComment: { body: ModerationDecisionInput, response: Comment },
    videos: { query: PageQuery, response: Page(ReportedVideo) },
    decideVideo: { body: VideoModerationInput, response: Video },
  }) satisfies IOFor<typeof moderation>;
