// SQL for comments and reports. Callers pick the role: reads, reports and deletes run as the user
// (RLS decides what exists for them); stored moderation state (the verdict on a new or edited
// text, moderator decisions, the model's second opinion) is the service's write.
import { one, type Queryable } from "../db/index.js";
import type { Keyset } from "../db/keyset-cursor.js";
import { cursorTs } from "../db/keyset-cursor.js";
import type { CommentRow } from "./presenter.js";

/** Every comment read joins its author's public profile; `source` is a table or a CTE. */
const selectFrom = (source: string) => `
  select c.id, c.video_id, c.user_id, c.text, c.is_hidden, c.moderation_status, c.moderation_reason,
         c.reports_since_review, c.reviewed_at, c.created_at, c.updated_at,
         ${cursorTs("c.created_at")} as cursor_ts,
         u.display_name as u_display_name, u.avatar_color as u_avatar_color,
         u.subjects as u_subjects, u.created_at as u_created_at
    from ${source} c join public.public_users u on u.id = c.user_id`;

export interface Moderated {
  isHidden: boolean;
  status: CommentRow["moderation_status"];
  reason: string | null;
}

/** The video as the caller may see it (RLS on public.videos), or undefined. */
export const visibleVideo = (tx: Queryable, videoId: string) =>
  one<{ id: string; created_by: string }>(tx, "select id, created_by from public.videos where id = $1", [videoId]);

export const findComment = (tx: Queryable, id: string) =>
  one<CommentRow>(tx, `${selectFrom("public.comments")} where c.id = $1`, [id]);

/** Newest first; hidden comments only for their author, even when a moderator is reading. */
export const listForVideo = (tx: Queryable, videoId: string, limit: number, after: Keyset | undefined) =>
  tx.query<CommentRow>(
    `${selectFrom("public.comments")}
      where c.video_id = $1 and (not c.is_hidden or c.user_id = auth.uid())
        and ($2::timestamptz is null or (c.created_at, c.id) < ($2::timestamptz, $3::uuid))
      order by c.created_at desc, c.id desc
      limit $4`,
    [videoId, after?.t ?? null, after?.i ?? null, limit + 1],
  );

/** FLAGGED comments, hidden or not, oldest first: the queue is worked in arrival order. */
export const listFlagged = (tx: Queryable, limit: number, after: Keyset | undefined) =>
  tx.query<CommentRow>(
    `${selectFrom("public.comments")}
      where c.moderation_status = 'FLAGGED'
        and ($1::timestamptz is null or (c.created_at, c.id) > ($1::timestamptz, $2::uuid))
      order by c.created_at, c.id
      limit $3`,
    [after?.t ?? null, after?.i ?? null, limit + 1],
  );

/** Runs as service_role: clients may not write moderation columns (0015_client_rules.sql). */
export const insertComment = (tx: Queryable, videoId: string, userId: string, text: string, m: Moderated) =>
  one<CommentRow>(
    tx,
    `with c as (
       insert into public.comments (video_id, user_id, text, is_hidden, moderation_status, moderation_reason)
       values ($1, $2, $3, $4, $5, $6) returning *)
     ${selectFrom("c")}`,
    [videoId, userId, text, m.isHidden, m.status, m.reason],
  );

/** Runs as service_role (the verdict is the server's to store), so the author is matched here. */
export const updateText = (tx: Queryable, id: string, authorId: string, text: string, m: Moderated) =>
  one<CommentRow>(
    tx,
    `with c as (
       update public.comments set text = $3, is_hidden = $4, moderation_status = $5, moderation_reason = $6
        where id = $1 and user_id = $2 returning *)
     ${selectFrom("c")}`,
    [id, authorId, text, m.isHidden, m.status, m.reason],
  );

/** A human decision: it also closes the current round of reports. */
/** Whether the comment was held (hidden) before a decision: locked, so two moderators decide in turn. */
export const heldBefore = async (tx: Queryable, id: string) =>
  (await one<{ is_hidden: boolean }>(tx, "select is_hidden from public.comments where id = $1 for update", [id]))
    ?.is_hidden ?? false;

export const applyReview = (tx: Queryable, id: string, reviewerId: string, m: Moderated) =>
  one<CommentRow>(
    tx,
    `with c as (
       update public.comments set is_hidden = $3, moderation_status = $4, moderation_reason = $5,
              reviewed_by = $2, reviewed_at = now(), reports_since_review = 0
        where id = $1 returning *)
     ${selectFrom("c")}`,
    [id, reviewerId, m.isHidden, m.status, m.reason],
  );

/**
 * The model's verdict, applied only if nothing changed while it thought: the comment is still
 * FLAGGED with the same text and no human has decided since the job was queued.
 */
export const applySecondOpinion = (tx: Queryable, id: string, text: string, m: Moderated) =>
  one<{ id: string }>(
    tx,
    `update public.comments set is_hidden = $3, moderation_status = $4, moderation_reason = $5
      where id = $1 and text = $2 and moderation_status = 'FLAGGED' and reports_since_review < 3
      returning id`,
    [id, text, m.isHidden, m.status, m.reason],
  );

export const deleteComment = (tx: Queryable, id: string) =>
  one<{ id: string }>(tx, "delete from public.comments where id = $1 returning id", [id]);

/** True when this user had not reported the comment before; the trigger does the counting. */
export async function insertReport(tx: Queryable, commentId: string, userId: string, reason: string | null) {
  const rows = await tx.query<{ comment_id: string }>(
    `insert into public.comment_reports (comment_id, user_id, reason) values ($1, $2, $3)
     on conflict (comment_id, user_id) do nothing returning comment_id`,
    [commentId, userId, reason],
  );
  return rows.length > 0;
}
