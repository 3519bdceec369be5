// Anonymous feed pages, cached: the feed is the most-read endpoint and, for visitors who are not
// signed in, the same for everyone. Pages live for FEED_CACHE_TTL_SECONDS, and every instance drops
// them all as soon as a lesson appears, changes what its card shows, or goes away (the database
// NOTIFYs lm_feed; see migration 0009), so privacy changes are never served from the cache. Counters
// (views, ratings) and the trending order may lag by up to the TTL.
//
// Memory for one process; Redis when REDIS_URL is set, shared by every instance. Invalidation bumps
// a version that is part of every key. A page is stored under the version read *before* it was
// computed, so a page built from data older than an invalidation is never served afterwards.
import type { Redis } from "ioredis";

export interface FeedCache {
  /** The cached body, or null; `version` goes back to `set` with the page computed after a miss. */
  get(key: string): Promise<{ body: string | null; version: number }>;
  set(key: string, version: number, body: string): Promise<void>;
  /** Every cached page is stale from now on. */
  invalidate(): Promise<void>;
}

export function memoryFeedCache(ttlMs: number, maxPages = 1_000, now: () => number = Date.now): FeedCache {
  let version = 0;
  const pages = new Map<string, { body: string; expires: number }>();
  return {
    async get(key) {
      const page = pages.get(key);
      if (page && page.expires <= now()) pages.delete(key);
      return { body: page && page.expires > now() ? page.body : null, version };
    },
    async set(key, at, body) {
      if (at !== version) return;
      // Oldest first out: a Map iterates in insertion order.
      if (pages.size >= maxPages) pages.delete(pages.keys().next().value as string);
      pages.set(key, { body, expires: now() + ttlMs });
    },
    async invalidate() {
      version++;
      pages.clear();
    },
  };
}

export function redisFeedCache(redis: Redis, prefix: string, ttlMs: number): FeedCache {
  const versionKey = `${prefix}version`;
  const pageKey = (version: number, key: string) => `${prefix}${version}:${key}`;
  return {
    async get(key) {
      const version = Number((await redis.get(versionKey)) ?? 0);
      return { body: await redis.get(pageKey(version, key)), version };
    },
    async set(key, version, body) {
      await redis.set(pageKey(version, key), body, "PX", ttlMs);
    },
    async invalidate() {
      await redis.incr(versionKey);
    },
  };
}

/** The cache key of a parsed feed query: the same filters in any order are the same page. */
export function feedKey(query: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
}
