// The moderators' side of comments: the review queue and decisions on single comments.
import type { Comment, Page, PageQuery } from "@lm/core";
import * as repo from "../comments/repository.js";
import { decodeCursor, toPage } from "../comments/cursor.js";
import { toComment } from "../comments/presenter.js";
import { REJECTED_BY_MODERATOR } from "../comments/rules.js";
import type { Db } from "../db/index.js";
import { notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";

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
    const row = await this.db.asService((tx) =>
      repo.applyReview(
        tx,
        id,
        auth.userId,
        decision === "APPROVE"
          ? { isHidden: false, status: "APPROVED", reason: null }
          : { isHidden: true, status: "REJECTED", reason: REJECTED_BY_MODERATOR },
      ),
    );
    if (!row) throw notFound("Comment");
    return toComment(row, auth);
  }
}
