// SQL for lesson reports. A report is inserted as the reporting user (RLS: as themselves); the
// queue is read as the moderator (RLS lets moderators read every report); decisions are the
// service's writes, because closing reports and removing someone else's lesson are no user's rows.
import { cursorTs, type Keyset } from "../db/keyset-cursor.js";
import { one, type Queryable } from "../db/index.js";
import { myRating, VIDEO_FROM, VIDEO_SELECT, type VideoRow } from "./presenter.js";

/** True when this user had not reported the lesson before (a repeat is accepted and ignored). */
export async function insertReport(
  tx: Queryable,
  videoId: string,
  userId: string,
  reason: string | null,
  keyPointIndex: number | null = null,
) {
  const rows = await tx.query(
    `insert into public.video_reports (video_id, user_id, reason, key_point_index) values ($1, $2, $3, $4)
     on conflict (video_id, user_id) do nothing returning video_id`,
    [videoId, userId, reason, keyPointIndex],
  );
  return rows.length > 0;
}

export interface ReportedRow extends VideoRow {
  report_count: number;
  reasons: string[];
  first_reported_at: Date;
  reported_key_points: number[];
  cursor_ts: string;
}

/** Published lessons with open reports, longest-waiting first, keyset on (first report, id). */
export const openQueue = (tx: Queryable, limit: number, after: Keyset | undefined) =>
  tx.query<ReportedRow>(
    `with open as (
       select video_id, count(*)::int as report_count, min(created_at) as first_reported_at,
              coalesce((array_agg(reason order by created_at desc) filter (where reason is not null))[1:5],
                       '{}') as reasons,
              coalesce(array_agg(distinct key_point_index) filter (where key_point_index is not null),
                       '{}') as reported_key_points
         from public.video_reports where resolved_at is null group by video_id
     )
     select ${VIDEO_SELECT}, ${myRating(true)}, o.report_count, o.reasons, o.reported_key_points, o.first_reported_at,
            ${cursorTs("o.first_reported_at")} as cursor_ts
       from open o join ${VIDEO_FROM} on v.id = o.video_id
      where v.status = 'PUBLIC'
        and ($1::timestamptz is null or (o.first_reported_at, v.id) > ($1::timestamptz, $2::uuid))
      order by o.first_reported_at, v.id
      limit $3`,
    [after?.t ?? null, after?.i ?? null, limit + 1],
  );

/** The newest reasons students gave for their open reports on one key point (up to 5). */
export const openKeyPointReasons = async (tx: Queryable, videoId: string, index: number) =>
  (
    await tx.query<{ reason: string }>(
      `select reason from public.video_reports
        where video_id = $1 and key_point_index = $2 and resolved_at is null and reason is not null
        order by created_at desc limit 5`,
      [videoId, index],
    )
  ).map((r) => r.reason);

/** Closes the open reports on one key point (it was rewritten); the number closed. */
export async function resolveKeyPoint(tx: Queryable, videoId: string, index: number, by: string) {
  const rows = await tx.query(
    `update public.video_reports set resolved_at = now(), resolved_by = $3
      where video_id = $1 and key_point_index = $2 and resolved_at is null returning user_id`,
    [videoId, index, by],
  );
  return rows.length;
}

/** Closes the lesson's open reports; the number closed (0: nothing was waiting). */
export async function resolveOpen(tx: Queryable, videoId: string, moderatorId: string) {
  const rows = await tx.query(
    `update public.video_reports set resolved_at = now(), resolved_by = $2
      where video_id = $1 and resolved_at is null returning user_id`,
    [videoId, moderatorId],
  );
  return rows.length;
}

/** Takes a published lesson down; its creator sees the reason. Undefined if it was not public. */
export const removeLesson = (tx: Queryable, videoId: string, reason: string) =>
  one<{ id: string; created_by: string; title: string }>(
    tx,
    `update public.videos set status = 'REJECTED', failure_code = 'removed_by_moderator', failure_reason = $2
      where id = $1 and status = 'PUBLIC' returning id, created_by, title`,
    [videoId, reason],
  );
