// SQL for profiles and stats. Reads and writes run as the caller, so RLS applies.
import { one, type Queryable } from "../db/index.js";
import { type PublicUserRow, USER_COLUMNS, type UserRow } from "./presenter.js";

export const ownProfile = (tx: Queryable, id: string) =>
  one<UserRow>(tx, `select ${USER_COLUMNS} from public.users where id = $1`, [id]);

export const publicProfile = (tx: Queryable, id: string) =>
  one<PublicUserRow>(
    tx,
    "select id, display_name, avatar_color, subjects, created_at from public.public_users where id = $1",
    [id],
  );

export function updateProfile(
  tx: Queryable,
  id: string,
  u: { displayName?: string; avatarColor?: string; subjects?: string[]; preferences?: Record<string, unknown> },
) {
  // preferences are merged, so a client can change one setting without knowing the others.
  return one<UserRow>(
    tx,
    `update public.users set
        display_name = coalesce($2, display_name),
        avatar_color = coalesce($3, avatar_color),
        subjects = coalesce($4, subjects),
        preferences = preferences || coalesce($5::jsonb, '{}'::jsonb)
      where id = $1 returning ${USER_COLUMNS}`,
    [
      id,
      u.displayName ?? null,
      u.avatarColor ?? null,
      u.subjects ?? null,
      u.preferences ? JSON.stringify(u.preferences) : null,
    ],
  );
}

export const deleteUser = (tx: Queryable, id: string) =>
  tx.query<{ id: string }>("delete from public.users where id = $1 returning id", [id]);

/** Social counters, straight from the tables (planner stats come from the planner feature). */
export const socialStats = (tx: Queryable, id: string) =>
  one<{ videos_created: number; comments_posted: number; ratings_given: number; avg_rating_received: number }>(
    tx,
    `select
       (select count(*) from public.videos where created_by = $1 and status in ('PUBLIC', 'PRIVATE'))::int as videos_created,
       (select count(*) from public.comments where user_id = $1)::int as comments_posted,
       (select count(*) from public.ratings where user_id = $1)::int as ratings_given,
       coalesce((select round(sum(rating_sum)::numeric / nullif(sum(rating_count), 0), 2)
                   from public.videos where created_by = $1), 0)::float8 as avg_rating_received`,
    [id],
  );

export const ownedVideoIds = async (tx: Queryable, userId: string) =>
  (await tx.query<{ id: string }>("select id from public.videos where created_by = $1", [userId])).map((r) => r.id);

/**
 * What the cascade cannot reach (run as the login role, which owns these tables): the account's
 * stored idempotent responses (they hold private content) and its jobs still waiting to run, in any
 * queue, found by the user or lesson they name.
 */
export async function deleteAccountLeftovers(tx: Queryable, userId: string, videoIds: string[]) {
  await tx.query("delete from auth.idempotency_keys where scope = $1", [`u:${userId}`]);
  await tx.query(
    `delete from pgboss.job where state in ('created', 'retry')
       and (data->>'userId' = $1 or data->>'videoId' = any($2::text[]))`,
    [userId, videoIds],
  );
}
