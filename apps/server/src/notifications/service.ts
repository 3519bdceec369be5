// Notifications: the user's inbox (page, mark read) and the one way server code adds to it.
// Inserting a row is also the realtime push: a trigger (0003) NOTIFYs `user:<id>` on commit.
import type { Notification, NotificationPrefKind, Page } from "@lm/core";
import type { Db, Queryable } from "../db/index.js";
import { notFound, validation } from "../http/errors.js";
import * as repo from "./repository.js";

export function toNotification(r: repo.NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    data: r.data,
    readAt: r.read_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CREATED_KEY = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-](\d{2})(:[0-5]\d)?$/;

/** created_at::text of a real instant: the pattern alone lets Feb 31, month 99 and year 0000 reach SQL. */
function isCreatedKey(v: string): boolean {
  const m = CREATED_KEY.exec(v);
  if (!m || m[1].startsWith("0000") || Number(m[4]) > 15) return false;
  const t = new Date(`${m[1]}T${m[2]}Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 19) === `${m[1]}T${m[2]}`;
}

/** Cursor = base64url JSON [created_at text, id]; opaque to clients, checked strictly here. */
export function encodeCursor(r: repo.NotificationRow): string {
  return Buffer.from(JSON.stringify([r.created_key, r.id])).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      UUID.test(value[1]) &&
      isCreatedKey(value[0])
    ) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // falls through to the 400 below
  }
  throw validation("cursor", "Malformed cursor");
}

export class NotificationsService {
  constructor(private readonly db: Db) {}

  async list(userId: string, q: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const after = q.cursor ? decodeCursor(q.cursor) : null;
    // One extra row tells whether another page exists without a count query.
    const rows = await this.db.withUser({ userId }, (tx) => repo.listPage(tx, userId, q.limit + 1, after));
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(toNotification), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
  }

  async unreadCount(userId: string): Promise<{ count: number }> {
    return { count: await this.db.withUser({ userId }, (tx) => repo.countUnread(tx, userId)) };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const row = await this.db.withUser({ userId }, (tx) => repo.markRead(tx, userId, id));
    if (!row) throw notFound("Notification");
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.withUser({ userId }, (tx) => repo.markAllRead(tx, userId));
  }
}

/** For server code (workers) inside a service_role transaction: insert once per dedupe key. */
export const notifyOnce = (tx: Queryable, n: repo.NewNotification) => repo.insertOnce(tx, n);

/**
 * Adds a notification unless its user switched that kind off in Settings (`pref`); inside the
 * caller's transaction, as service_role. Returns whether one was written.
 */
export async function notifyIfWanted(tx: Queryable, pref: NotificationPrefKind, n: repo.NewNotification) {
  if (!(await repo.wantsKind(tx, n.userId, pref))) return false;
  return (await repo.insertOnce(tx, n)).inserted;
}
export const markEmailed = (tx: Queryable, id: string) => repo.markEmailed(tx, id);
