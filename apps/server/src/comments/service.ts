// Comments: listing, posting and editing under moderation, deletion and reports.
import { notifyCreator } from "../notifications/index.js";
import type { Comment, CommentCreateInput, Page, PageQuery } from "@lm/core";
import { moderateText } from "../ai/moderation.js";
import { asServiceWithin, type Db, type Queryable } from "../db/index.js";
import { AppError, forbidden, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { sendAsUser } from "../jobs/in-transaction.js";
import type { Queue } from "../jobs/queue.js";
import { decodeCursor, toPage } from "../db/keyset-cursor.js";
import { MODERATE_COMMENT } from "./moderation-job.js";
import { toComment, type Viewer } from "./presenter.js";
import * as repo from "./repository.js";
import { fromVerdict, HELD_AFTER_EDIT, heldForReview, REJECTED_BY_MODERATOR } from "./rules.js";

export class CommentsService {
  constructor(
    private readonly db: Db,
    private readonly queue: Queue,
  ) {}

  async list(viewer: Viewer, query: PageQuery & { videoId: string }): Promise<Page<Comment>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.db.withUser(viewer ? { userId: viewer.userId } : null, async (tx) => {
      if (!(await repo.visibleVideo(tx, query.videoId))) throw notFound("Video");
      return repo.listForVideo(tx, query.videoId, query.limit, after);
    });
    return toPage(rows, query.limit, (r) => toComment(r, viewer));
  }

  async create(auth: AuthInfo, input: CommentCreateInput): Promise<Comment> {
    // Moderated before storage: rejected text is kept, hidden, so its author can see why.
    const verdict = moderateText(input.text);
    const row = await this.db.withUser({ userId: auth.userId }, async (tx) => {
      const video = await repo.visibleVideo(tx, input.videoId);
      if (!video) throw notFound("Video");
      // Checked as the user above; the verdict is stored by the server (clients cannot set it).
      const inserted = await asServiceWithin(tx, auth.userId, () =>
        repo.insertComment(tx, input.videoId, auth.userId, input.text, fromVerdict(verdict)),
      );
      // Only a published comment is news for the creator; a held one waits for its review.
      if (inserted && verdict.status === "APPROVED")
        await notifyCreator(tx, auth.userId, "comment", { id: video.id, createdBy: video.created_by });
      if (inserted && verdict.status === "FLAGGED") await this.askSecondOpinion(tx, auth.userId, inserted.id);
      return inserted;
    });
    if (!row) throw notFound("Comment");
    return toComment(row, auth);
  }

  async update(auth: AuthInfo, id: string, text: string): Promise<Comment> {
    const verdict = moderateText(text);
    const row = await this.db.withUser({ userId: auth.userId }, async (tx) => {
      const current = await repo.findComment(tx, id);
      if (!current || !(await repo.visibleVideo(tx, current.video_id))) throw notFound("Comment");
      if (current.user_id !== auth.userId) throw forbidden("Only the author can edit a comment");
      const held = heldForReview(current) && verdict.status !== "REJECTED";
      const updated = await asServiceWithin(tx, auth.userId, () =>
        repo.updateText(tx, id, auth.userId, text, held ? HELD_AFTER_EDIT : fromVerdict(verdict)),
      );
      if (updated && !held && verdict.status === "FLAGGED") await this.askSecondOpinion(tx, auth.userId, updated.id);
      return updated;
    });
    if (!row) throw notFound("Comment");
    return toComment(row, auth);
  }

  async remove(auth: AuthInfo, id: string): Promise<void> {
    await this.db.withUser({ userId: auth.userId }, async (tx) => {
      const current = await repo.findComment(tx, id);
      if (!current || !(await repo.visibleVideo(tx, current.video_id))) throw notFound("Comment");
      // The DELETE policy is the rule (author, the video's creator, moderators): no row, no right.
      if (!(await repo.deleteComment(tx, id))) throw forbidden("You cannot delete this comment");
    });
  }

  async report(auth: AuthInfo, id: string, reason: string | undefined): Promise<void> {
    await this.db.withUser({ userId: auth.userId }, async (tx) => {
      const current = await repo.findComment(tx, id);
      if (!current || !(await repo.visibleVideo(tx, current.video_id))) throw notFound("Comment");
      if (current.user_id === auth.userId)
        throw new AppError("cannot_report_own_comment", "You cannot report your own comment");
      // A repeated report is accepted and ignored: one voice per user.
      await repo.insertReport(tx, id, auth.userId, reason ?? null);
    });
  }

  /**
   * The model's second opinion on a FLAGGED text, queued in the transaction that stores it: the job
   * exists exactly when the comment does. Until it runs the comment waits hidden (and in the human queue).
   */
  private askSecondOpinion(tx: Queryable, userId: string, commentId: string) {
    return sendAsUser(this.queue, tx, userId, MODERATE_COMMENT, { commentId });
  }
}

/**
 * One comment as the public sees it (no viewer, so no moderation reason), or null when it is hidden
 * or gone: what a live comment event carries.
 */
export async function findPublicComment(db: Db, id: string): Promise<Comment | null> {
  const row = await db.asService((tx) => repo.findComment(tx, id));
  return row && !row.is_hidden ? toComment(row, undefined) : null;
}

// The moderation feature works the review queue through these two, never through repository.ts
// (issue 14 item 6): the comments feature keeps its SQL and what a decision stores.

/** FLAGGED comments, hidden ones included, oldest first; RLS lets moderators read every comment. */
export async function flaggedComments(db: Db, auth: AuthInfo, query: PageQuery): Promise<Page<Comment>> {
  const after = decodeCursor(query.cursor);
  const rows = await db.withUser({ userId: auth.userId }, (tx) => repo.listFlagged(tx, query.limit, after));
  return toPage(rows, query.limit, (r) => toComment(r, auth));
}

/**
 * A moderator's decision, written in the caller's service transaction (comment UPDATEs are the
 * author's under RLS). Null when there is no such comment. `wasHeld`: it was hidden before the
 * decision (the row is locked first, so two moderators decide in turn).
 */
export async function reviewComment(
  tx: Queryable,
  reviewer: AuthInfo,
  id: string,
  decision: "APPROVE" | "REJECT",
): Promise<{ comment: Comment; wasHeld: boolean } | null> {
  const wasHeld = await repo.heldBefore(tx, id);
  const decided = await repo.applyReview(
    tx,
    id,
    reviewer.userId,
    decision === "APPROVE"
      ? { isHidden: false, status: "APPROVED", reason: null }
      : { isHidden: true, status: "REJECTED", reason: REJECTED_BY_MODERATOR },
  );
  return decided ? { comment: toComment(decided, reviewer), wasHeld } : null;
}
