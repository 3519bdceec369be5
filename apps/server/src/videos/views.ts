// View counting: once per viewer (user, or anonymous client id / IP) per video per 30 minutes.
// A per-process cache answers repeats without touching the database; the database decides the rest,
// so several instances still count each view once.
import { createHash } from "node:crypto";
import type { Db } from "../db/index.js";
import { notFound } from "../http/errors.js";
import type { RateLimitStore } from "../http/rate-limit-store.js";

const WINDOW_MS = 30 * 60_000;
const MAX_ENTRIES = 100_000;

export class ViewCounter {
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Who an anonymous view counts as: its client id until the address has sent `cap` anonymous views
   * of this lesson (repeats included) in the window, else the address itself (so extra ids count once in all).
   * The counter is the fail-open rate-limit store: an outage only lifts the cap.
   */
  static async anonymousViewer(
    limits: RateLimitStore,
    videoId: string,
    clientId: string | undefined,
    ip: string | undefined,
    cap: number,
  ) {
    if (clientId) {
      const { count } = await limits.hit(`views:${videoId}:${ip ?? "unknown"}`, WINDOW_MS);
      if (count <= cap) return ViewCounter.viewerKey(undefined, clientId, ip);
    }
    return ViewCounter.viewerKey(undefined, undefined, ip);
  }

  static viewerKey(userId: string | undefined, clientId: string | undefined, ip: string | undefined) {
    if (userId) return `u:${userId}`;
    if (clientId) return `c:${clientId}`;
    return `ip:${createHash("sha256")
      .update(ip ?? "unknown")
      .digest("hex")
      .slice(0, 32)}`;
  }

  /** Returns true when this view was counted. */
  async record(videoId: string, viewerKey: string, userId: string | undefined): Promise<boolean> {
    const key = `${videoId}|${viewerKey}`;
    const seen = this.recent.get(key);
    if (seen !== undefined && this.now() - seen < WINDOW_MS) {
      // Still must not reveal a private video's existence: the cache only holds visible videos.
      return false;
    }
    const counted = await this.db.asService(async (tx) => {
      const visible = await tx.query(
        "select 1 from public.videos where id = $1 and (status = 'PUBLIC' or created_by = $2::uuid)",
        [videoId, userId ?? null],
      );
      if (visible.length === 0) throw notFound("Video");
      const inserted = await tx.query(
        `insert into public.video_views (video_id, viewer_key) values ($1, $2)
         on conflict (video_id, viewer_key) do update set viewed_at = now()
           where public.video_views.viewed_at < now() - interval '30 minutes'
         returning 1`,
        [videoId, viewerKey],
      );
      if (inserted.length > 0)
        await tx.query("update public.videos set view_count = view_count + 1 where id = $1", [videoId]);
      return inserted.length > 0;
    });
    if (this.recent.size >= MAX_ENTRIES) this.recent.clear();
    this.recent.set(key, this.now());
    return counted;
  }
}
