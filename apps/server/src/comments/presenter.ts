// Comment row → contract object. The one place that decides who sees a moderation reason.
import type { Comment } from "@lm/core";
import type { AuthInfo } from "../http/express.js";
import { toPublicUser } from "../users/index.js";

export interface CommentRow {
  id: string;
  video_id: string;
  user_id: string;
  text: string;
  is_hidden: boolean;
  moderation_status: Comment["moderationStatus"];
  moderation_reason: string | null;
  reports_since_review: number;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_ts: string;
  u_display_name: string;
  u_avatar_color: string;
  u_subjects: string[];
  u_created_at: Date;
}

export type Viewer = Pick<AuthInfo, "userId" | "role"> | undefined;

export const isModerator = (v: Viewer) => v?.role === "MODERATOR" || v?.role === "ADMIN";

export function toComment(r: CommentRow, viewer: Viewer): Comment {
  const privileged = viewer?.userId === r.user_id || isModerator(viewer);
  return {
    id: r.id,
    videoId: r.video_id,
    user: toPublicUser({
      id: r.user_id,
      display_name: r.u_display_name,
      avatar_color: r.u_avatar_color,
      subjects: r.u_subjects,
      created_at: r.u_created_at,
    }),
    text: r.text,
    isHidden: r.is_hidden,
    moderationStatus: r.moderation_status,
    moderationReason: privileged ? r.moderation_reason : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
