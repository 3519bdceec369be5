// The moderators' side: the comment review queue and decisions on single comments, and the queue
// of reported lessons with their decisions.
import type { Comment, Page, PageQuery, ReportedVideo, Video, VideoModerationInput } from "@lm/core";
import * as repo from "../comments/repository.js";
import { decodeCursor, toPage } from "../db/keyset-cursor.js";
import { toComment } from "../comments/presenter.js";
import { REJECTED_BY_MODERATOR } from "../comments/rules.js";
import type { Db } from "../db/index.js";
import { AppError, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { notifyCommentDecided } from "../notifications/outcomes.js";
import { notifyOnce } from "../notifications/service.js";
import { toVideo } from "../videos/presenter.js";
import * as reports from "../videos/reports.js";
import * as videos from "../videos/repository.js";

/** What the creator of a removed lesson reads (the video's failureReason). */
export const removedReason = (reason?: string) =>
  reason ? `Removed by a moderator: ${reason}` : "Removed by a moderator after reports from other students.";

export class ModerationService {
  constructor(private readonly db: Db) {}

  /** FLAGGED comments, hidden ones included; RLS lets moderators read every comment. */
  async queue(auth: AuthInfo, query: PageQuery): Promise<Page<Comment>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.db.withUser({ userId: auth.userId }, (tx) => repo.listFlagged(tx, query.limit, after));
    return toPage(rows, query.limit, (r) => toComment(r, auth));
  }

  async decide(auth: AuthInfo, id: string, decision: "APPROVE" | "REJECT"): Promise<Comment> {
    // Comment UPDATEs are the author's under RLS, so the decision (route guarded by role) is the
    // service's write.
    const row = await this.db.asService(async (tx) => {
      const wasHeld = await repo.heldBefore(tx, id);
      const decided = await repo.applyReview(
        tx,
        id,
        auth.userId,
        decision === "APPROVE"
          ? { isHidden: false, status: "APPROVED", reason: null }
          : { isHidden: true, status: "REJECTED", reason: REJECTED_BY_MODERATOR },
      );
      // The author hears of a removal, and of a held comment going out; an approved comment that
      // was visible all along (a report turned down) is no news to them.
      if (decided && (decision === "REJECT" || wasHeld))
        await notifyCommentDecided(
          tx,
          { id: decided.id, userId: decided.user_id, videoId: decided.video_id, text: decided.text },
          decision,
        );
      return decided;
    });
    if (!row) throw notFound("Comment");
    return toComment(row, auth);
  }

  /** Published lessons with open reports, the longest-waiting first. */
  async videoQueue(auth: AuthInfo, query: PageQuery): Promise<Page<ReportedVideo>> {
    const after = decodeCursor(query.cursor);
    const rows = await this.db.withUser({ userId: auth.userId }, (tx) => reports.openQueue(tx, query.limit, after));
    return toPage(rows, query.limit, (r) => ({
      video: toVideo(r, true),
      reportCount: r.report_count,
      reasons: r.reasons,
      firstReportedAt: r.first_reported_at.toISOString(),
      reportedKeyPoints: r.reported_key_points,
    }));
  }

  /**
   * APPROVE closes the lesson's open reports; REJECT also takes it down (REJECTED, hidden from
   * everyone but its creator) and tells the creator why. Either way the lesson leaves the queue;
   * one transaction, so a lesson is never removed with its reports left open, or the reverse.
   */
  async decideVideo(auth: AuthInfo, id: string, input: VideoModerationInput): Promise<Video> {
    await this.db.asService(async (tx) => {
      const closed = await reports.resolveOpen(tx, id, auth.userId);
      if (input.decision === "APPROVE") {
        if (closed === 0) throw notFound("Reported video");
        return;
      }
      const removed = await reports.removeLesson(tx, id, removedReason(input.reason));
      if (!removed) {
        if (!(await videos.exists(tx, id))) throw notFound("Video");
        throw new AppError("conflict", "Only a published lesson can be removed");
      }
      await notifyOnce(tx, {
        userId: removed.created_by,
        kind: "video.removed",
        title: `"${removed.title}" was removed`,
        body: removedReason(input.reason),
        data: { videoId: removed.id },
        // A removed lesson cannot be published again, so once per lesson.
        dedupeKey: `video.removed:${removed.id}`,
      });
    });
    // Read back as the moderator (RLS lets moderators see every lesson, removed ones included).
    const row = await this.db.withUser({ userId: auth.userId }, (tx) => videos.findVisible(tx, id));
    if (!row) throw notFound("Video");
    return toVideo(row, true);
  }
}
