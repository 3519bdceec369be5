// Notifications: the user's inbox (page, mark read) and the one way server code adds to it.
// Inserting a row is also the realtime push: a trigger (0003) NOTIFYs `user:<id>` on commit.
import type { Notification, NotificationPrefKind, Page } from "@lm/core";
import type { Db, Queryable } from "../db/index.js";
import { keysetCodec } from "../db/keyset-cursor.js";
import { notFound } from "../http/errors.js";
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

/** Cursor = [created_at as PostgreSQL prints it, id], in the one codec of db/ (issue 14 item 6). */
const cursor = keysetCodec(["timestamptz", "uuid"]);

export class NotificationsService {
  constructor(private readonly db: Db) {}

  async list(userId: string, q: { limit: number; cursor?: string }): Promise<Page<Notification>> {
    const key = cursor.decode(q.cursor);
    const after = key ? { createdAt: key[0], id: key[1] } : null;
    // One extra row tells whether another page exists without a count query.
    const rows = await this.db.withUser({ userId }, (tx) => repo.listPage(tx, userId, q.limit + 1, after));
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotification),
      nextCursor: rows.length > q.limit && last ? cursor.encode([last.created_key, last.id]) : null,
    };
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
