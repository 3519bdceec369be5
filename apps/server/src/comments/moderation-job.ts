// The "moderate-comment" job: the LLM's second opinion on a comment the lexical pass FLAGGED.
// It may publish the comment (APPROVED) or reject it; its UPDATE pushes comment.updated live.
import { secondOpinion } from "../ai/moderation.js";
import type { LlmProvider } from "../ai/providers/types.js";
import type { Db } from "../db/index.js";
import { JOBS, type JobPayload } from "../jobs/queues.js";
import * as repo from "./repository.js";

export const MODERATE_COMMENT = JOBS.moderateComment;
export type ModerateCommentJob = JobPayload<typeof MODERATE_COMMENT>;

export type SecondOpinionOutcome = "skipped" | "unchanged" | "APPROVED" | "REJECTED";

export async function runSecondOpinion(
  db: Db,
  provider: LlmProvider | undefined,
  job: ModerateCommentJob,
): Promise<SecondOpinionOutcome> {
  // Offline there is no judge (secondOpinion would approve everything): leave it to a human.
  if (!provider || provider.name === "offline") return "skipped";
  const current = await db.asService((tx) => repo.findComment(tx, job.commentId));
  if (current?.moderation_status !== "FLAGGED") return "unchanged";
  const verdict = await secondOpinion(current.text, provider);
  if (verdict.status === "FLAGGED") return "unchanged";
  const applied = await db.asService((tx) =>
    repo.applySecondOpinion(
      tx,
      current.id,
      current.text,
      verdict.status === "APPROVED"
        ? { isHidden: false, status: "APPROVED", reason: null }
        : { isHidden: true, status: "REJECTED", reason: verdict.reason },
    ),
  );
  return applied ? verdict.status : "unchanged";
}
