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
  /**
   * The cached body, or null; `version` goes back to `set` with the page computed after a miss.
   * `lsn` is the primary's WAL position at the last invalidation (server driver): a page computed
   * on a read replica is only fresh enough once the replica has replayed that far.
   */
  get(key: string): Promise<{ body: string | null; version: number; lsn: string | null }>;
  set(key: string, version: number, body: string): Promise<void>;
  /** Every cached page is stale from now on; `lsn`: the primary's position after the change. */
  invalidate(lsn?: string | null): Promise<void>;
}

export function memoryFeedCache(ttlMs: number, maxPages = 1_000, now: () => number = Date.now): FeedCache {
  let version = 0;
  let lsn: string | null = null;
  const pages = new Map<string, { body: string; expires: number }>();
  return {
    async get(key) {
      const page = pages.get(key);
      if (page && page.expires <= now()) pages.delete(key);
      return { body: page && page.expires > now() ? page.body : null, version, lsn };
    },
    async set(key, at, body) {
      if (at !== version) return;
      // Oldest first out: a Map iterates in insertion order.
      if (pages.size >= maxPages) pages.delete(pages.keys().next().value as string);
      pages.set(key, { body, expires: now() + ttlMs });
    },
    async invalidate(at) {
      version++;
      if (at && (lsn === null || BigInt(at) > BigInt(lsn))) lsn = at;
      pages.clear();
    },
  };
}

/** Positions are WAL byte offsets as decimal strings (exact in Lua's doubles up to 2^53 bytes). */
const ADVANCE = `
if tonumber(redis.call('get', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1]) end
return redis.call('incr', KEYS[2])`;

export function redisFeedCache(redis: Redis, prefix: string, ttlMs: number): FeedCache {
  const versionKey = `${prefix}version`;
  const lsnKey = `${prefix}lsn`;
  const pageKey = (version: number, key: string) => `${prefix}${version}:${key}`;
  return {
    async get(key) {
      const [version, lsn] = await redis.mget(versionKey, lsnKey);
      return { body: await redis.get(pageKey(Number(version ?? 0), key)), version: Number(version ?? 0), lsn };
    },
    async set(key, version, body) {
      await redis.set(pageKey(version, key), body, "PX", ttlMs);
    },
    async invalidate(lsn) {
      // One atomic step: the position only moves forward (instances invalidating at once may
      // arrive out of order), and no reader sees the new version with an older position.
      await redis.eval(ADVANCE, 2, lsnKey, versionKey, lsn ?? "0");
    },
  };
}

/**
 * An invalidation that failed (Redis unreachable) is owed: until it has gone through, every read is
 * a miss and nothing is stored, so a page from before the change is never served once Redis is back.
 */
export function owingInvalidations(cache: FeedCache, log: { warn(o: object, m: string): void }): FeedCache {
  let owed = false;
  const invalidate = async (lsn?: string | null) => {
    try {
      await cache.invalidate(lsn);
      owed = false;
    } catch (err) {
      owed = true;
      throw err;
    }
  };
  return {
    async get(key) {
      if (owed) await invalidate().catch((err) => log.warn({ err }, "feed cache still unreachable"));
      if (owed) return { body: null, version: -1, lsn: null };
      return cache.get(key);
    },
    async set(key, version, body) {
      if (!owed && version !== -1) await cache.set(key, version, body);
    },
    invalidate,
  };
}

/**
 * The cache, trusted only while invalidations can arrive: with the LISTEN connection down every
 * read is a miss and nothing is stored (the listener drops all pages again when it is back).
 */
export function whileListening(cache: FeedCache, listening: () => boolean): FeedCache {
  return {
    async get(key) {
      if (!listening()) return { body: null, version: -1, lsn: null };
      return cache.get(key);
    },
    async set(key, version, body) {
      if (listening() && version !== -1) await cache.set(key, version, body);
    },
    invalidate: (lsn) => cache.invalidate(lsn),
  };
}

/** The cache key of a parsed feed query: the same filters in any order are the same page. */
export function feedKey(query: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
}
