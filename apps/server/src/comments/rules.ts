// How a moderation verdict becomes a stored state. FLAGGED text is hidden pending review: on a
// study platform for students a borderline comment waits (for the model or a moderator) rather
// than being shown first and pulled later.
import type { ModerationVerdict } from "../ai/moderation.js";
import type { CommentRow } from "./presenter.js";
import type { Moderated } from "./repository.js";

/**
 * Distinct reporters (since the last human review) that hide a comment pending review. The
 * comment_reports_apply trigger (0005_social.sql) applies it in SQL: change both together.
 */
export const REPORT_THRESHOLD = 3;

export function fromVerdict(v: ModerationVerdict): Moderated {
  if (v.status === "APPROVED") return { isHidden: false, status: "APPROVED", reason: null };
  return { isHidden: true, status: v.status, reason: v.reason };
}

/** Hidden by reports or rejected by a moderator: an edit must not bring it back unreviewed. */
export function heldForReview(c: Pick<CommentRow, "reports_since_review" | "reviewed_at" | "moderation_status">) {
  return c.reports_since_review >= REPORT_THRESHOLD || (c.reviewed_at !== null && c.moderation_status === "REJECTED");
}

export const HELD_AFTER_EDIT: Moderated = {
  isHidden: true,
  status: "FLAGGED",
  reason: "Edited while under review; a moderator will look at it.",
};

export const REJECTED_BY_MODERATOR = "A moderator found that this comment breaks the community rules.";
