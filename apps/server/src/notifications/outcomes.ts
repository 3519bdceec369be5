// A lesson's creator hears when it is out or could not be made, and a held comment's author when a
// moderator decided on it (issue 15). Each is written in the transaction that changes the lesson or
// the comment, as service_role, and only if the student has not switched that kind off.
import type { Queryable } from "../db/index.js";
import { notifyIfWanted } from "./service.js";

interface LessonRef {
  id: string;
  createdBy: string;
  title: string;
}

export const notifyLessonReady = (tx: Queryable, v: LessonRef) =>
  notifyIfWanted(tx, "lessons", {
    userId: v.createdBy,
    kind: "lesson.ready",
    title: `“${v.title}” is ready`,
    body: "Your lesson is ready to watch, with its quiz and review cards.",
    data: { videoId: v.id },
    // Once per lesson: a lesson regenerated later is not news again.
    dedupeKey: `lesson.ready:${v.id}`,
  });

export const notifyLessonFailed = (tx: Queryable, v: LessonRef, reason: string, rejected: boolean) =>
  notifyIfWanted(tx, "lessons", {
    userId: v.createdBy,
    kind: rejected ? "lesson.rejected" : "lesson.failed",
    title: rejected ? `“${v.title}” was not published` : `“${v.title}” could not be made`,
    body: reason,
    data: { videoId: v.id },
    // Every failed attempt is news (a retry may fail again for another reason).
    dedupeKey: null,
  });

export const notifyCommentDecided = (
  tx: Queryable,
  c: { id: string; userId: string; videoId: string; text: string },
  decision: "APPROVE" | "REJECT",
) =>
  notifyIfWanted(tx, "moderation", {
    userId: c.userId,
    kind: decision === "APPROVE" ? "comment.approved" : "comment.rejected",
    title: decision === "APPROVE" ? "Your comment is published" : "Your comment was removed",
    body:
      decision === "APPROVE"
        ? `A moderator checked it and it is now visible: “${excerpt(c.text)}”`
        : `A moderator found it breaks the community rules: “${excerpt(c.text)}”`,
    data: { videoId: c.videoId, commentId: c.id },
    dedupeKey: `comment.decided:${c.id}:${decision}`,
  });

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text);
