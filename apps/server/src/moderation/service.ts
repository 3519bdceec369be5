// The moderators' side: the comment review queue and decisions on single comments, and the queue
// of reported lessons with their decisions. It owns no SQL: comments and lessons are read and
// written through their own features' services.
import type { Comment, Page, PageQuery, ReportedVideo, Video, VideoModerationInput } from "@lm/core";
import { flaggedComments, reviewComment } from "../comments/service.js";
import type { Db } from "../db/index.js";
import { AppError, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { notifyCommentDecided } from "../notifications/index.js";
import { notifyOnce } from "../notifications/service.js";
import { closeReports, lessonExists, lessonForModerator, reportedLessons, takeDownLesson } from "../videos/service.js";

/** What the creator of a removed lesson reads (the video's failureReason). */
export const removedReason = (reason?: string) =>
  reason ? `Removed by a moderator: ${reason}` : "Removed by a moderator after reports from other students.";

export class ModerationService {
  constructor(private readonly db: Db) {}

  /** FLAGGED comments, hidden ones included; RLS lets moderators read every comment. */
  queue(auth: AuthInfo, query: PageQuery): Promise<Page<Comment>> {
    return flaggedComments(this.db, auth, query);
  }

  async decide(auth: AuthInfo, id: string, decision: "APPROVE" | "REJECT"): Promise<Comment> {
    // Comment UPDATEs are the author's under RLS, so the decision (route guarded by role) is the
    // service's write.
    const decided = await this.db.asService(async (tx) => {
      const review = await reviewComment(tx, auth, id, decision);
      // The author hears of a removal, and of a held comment going out; an approved comment that
      // was visible all along (a report turned down) is no news to them.
      if (review && (decision === "REJECT" || review.wasHeld)) {
        const { comment } = review;
        await notifyCommentDecided(
          tx,
          { id: comment.id, userId: comment.user.id, videoId: comment.videoId, text: comment.text },
          decision,
        );
      }
      return review?.comment;
    });
    if (!decided) throw notFound("Comment");
    return decided;
  }

  /** Published lessons with open reports, the longest-waiting first. */
  videoQueue(auth: AuthInfo, query: PageQuery): Promise<Page<ReportedVideo>> {
    return reportedLessons(this.db, auth, query);
  }

  /**
   * APPROVE closes the lesson's open reports; REJECT also takes it down (REJECTED, hidden from
   * everyone but its creator) and tells the creator why. Either way the lesson leaves the queue;
   * one transaction, so a lesson is never removed with its reports left open, or the reverse.
   */
  async decideVideo(auth: AuthInfo, id: string, input: VideoModerationInput): Promise<Video> {
    await this.db.asService(async (tx) => {
      const closed = await closeReports(tx, id, auth.userId);
      if (input.decision === "APPROVE") {
        if (closed === 0) throw notFound("Reported video");
        return;
      }
      const removed = await takeDownLesson(tx, id, removedReason(input.reason));
      if (!removed) {
        if (!(await lessonExists(tx, id))) throw notFound("Video");
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
    const video = await lessonForModerator(this.db, auth, id);
    if (!video) throw notFound("Video");
    return video;
  }
}
