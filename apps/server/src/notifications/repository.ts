// SQL for notifications. Reads and marks run as the user (RLS); inserts come from trusted server
// code (service_role), because clients may never create notifications themselves.
import { one, type Queryable } from "../db/index.js";

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  read_at: Date | null;
  emailed_at: Date | null;
  created_at: Date;
  /** created_at as PostgreSQL text: keeps the microseconds a JS Date would drop, for cursors. */
  created_key: string;
}

const COLUMNS =
  "id, user_id, kind, title, body, data, read_at, emailed_at, created_at, created_at::text as created_key";

/** Newest first; `after` is the (created_at, id) of the last row of the previous page. */
export const listPage = (
  tx: Queryable,
  userId: string,
  limit: number,
  after: { createdAt: string; id: string } | null,
) =>
  tx.query<NotificationRow>(
    `select ${COLUMNS} from public.notifications
      where user_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::uuid))
      order by created_at desc, id desc
      limit $4`,
    [userId, after?.createdAt ?? null, after?.id ?? null, limit],
  );

/** Served by the partial index notifications_unread_idx (0007), so it stays cheap for big inboxes. */
export const countUnread = async (tx: Queryable, userId: string) =>
  (
    await one<{ count: number }>(
      tx,
      "select count(*)::int as count from public.notifications where user_id = $1 and read_at is null",
      [userId],
    )
  )?.count ?? 0;

export const markRead = (tx: Queryable, userId: string, id: string) =>
  one<{ id: string }>(
    tx,
    "update public.notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning id",
    [id, userId],
  );

export const markAllRead = (tx: Queryable, userId: string) =>
  tx.query("update public.notifications set read_at = now() where user_id = $1 and read_at is null", [userId]);

export interface NewNotification {
  userId: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  dedupeKey: string | null;
}

/**
 * Inserts once per dedupe key and returns the row either way (new or already there), so a
 * retried job can still finish what the first attempt started (the e-mail).
 */
export async function insertOnce(tx: Queryable, n: NewNotification): Promise<NotificationRow & { inserted: boolean }> {
  const inserted = await one<NotificationRow>(
    tx,
    `insert into public.notifications (user_id, kind, title, body, data, dedupe_key)
     values ($1, $2, $3, $4, $5, $6) on conflict (dedupe_key) do nothing returning ${COLUMNS}`,
    [n.userId, n.kind, n.title, n.body, JSON.stringify(n.data), n.dedupeKey],
  );
  if (inserted) return { ...inserted, inserted: true };
  const existing = await one<NotificationRow>(tx, `select ${COLUMNS} from public.notifications where dedupe_key = $1`, [
    n.dedupeKey,
  ]);
  if (!existing) throw new Error("notification vanished between insert and read");
  return { ...existing, inserted: false };
}

export const markEmailed = (tx: Queryable, id: string) =>
  tx.query("update public.notifications set emailed_at = now() where id = $1", [id]);

/** The unread batch of `kind` about one video, locked for this transaction; null when there is none. */
export const openBatch = (tx: Queryable, userId: string, kind: string, videoId: string) =>
  one<{ id: string; count: number }>(
    tx,
    `select id, coalesce((data->>'count')::int, 1) as count from public.notifications
      where user_id = $1 and kind = $2 and read_at is null and data->>'videoId' = $3
      order by created_at desc limit 1 for update`,
    [userId, kind, videoId],
  );

export const growBatch = (tx: Queryable, id: string, count: number, title: string) =>
  tx.query(
    `update public.notifications set title = $3, data = jsonb_set(data, '{count}', to_jsonb($2::int)) where id = $1`,
    [id, count, title],
  );

/** Serialises batch updates for one (user, kind, video): two ratings at once make one batch of 2. */
export const lockBatch = (tx: Queryable, key: string) => tx.query("select pg_advisory_xact_lock(hashtext($1))", [key]);

/** Whether the user wants notifications of this kind (Settings; every kind is on until switched off). */
export const wantsKind = async (tx: Queryable, userId: string, kind: string) =>
  (
    await one<{ on: boolean }>(
      tx,
      "select coalesce((preferences->'notifications'->>$2)::boolean, true) as on from public.users where id = $1",
      [userId, kind],
    )
  )?.on ?? false;
