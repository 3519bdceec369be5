// Fixed-window counters behind one interface: memory for one process, Redis for many.
import type { Redis } from "ioredis";

export interface RateLimitStore {
  /**
   * Adds one hit to `key` and returns the count in the current window and when it resets. `limit`
   * (what the caller refuses above) lets a store count locally while far from it (rate-limit-lease.ts).
   */
  hit(key: string, windowMs: number, opts?: { limit?: number }): Promise<{ count: number; resetAt: number }>;
  /** The count without adding a hit. */
  peek(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

/** A counter that can add several hits at once (redisStore; leased blocks in rate-limit-lease.ts). */
export interface CountingStore extends RateLimitStore {
  /** Adds `n` hits and returns the new total in the window and when it resets. */
  add(key: string, windowMs: number, n: number): Promise<{ count: number; resetAt: number }>;
}

export function memoryStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  // Drop expired windows now and then so memory stays bounded by active clients.
  const sweep = setInterval(() => {
    const t = now();
    for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
  }, 60_000);
  sweep.unref();
  const current = (key: string) => {
    const w = windows.get(key);
    return w && w.resetAt > now() ? w : undefined;
  };
  return {
    async hit(key, windowMs) {
      const w = current(key) ?? { count: 0, resetAt: now() + windowMs };
      w.count += 1;
      windows.set(key, w);
      return { ...w };
    },
    async peek(key) {
      return current(key)?.count ?? 0;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

export function redisStore(redis: Redis, prefix = "lm:rl:"): CountingStore {
  const add = async (key: string, windowMs: number, n: number) => {
    const k = prefix + key;
    // One transaction: a window is created with its expiry, so no counter can outlive it (a
    // process dying between INCR and PEXPIRE would have locked an account out for good).
    const replies = await redis.multi().set(k, 0, "PX", windowMs, "NX").incrby(k, n).pttl(k).exec();
    const failed = replies?.find(([err]) => err);
    if (!replies || failed) throw failed?.[0] ?? new Error("rate-limit transaction aborted");
    const count = Number(replies[1][1]);
    const ttl = Number(replies[2][1]);
    return { count, resetAt: Date.now() + (ttl > 0 ? ttl : windowMs) };
  };
  return {
    add,
    hit: (key, windowMs) => add(key, windowMs, 1),
    async peek(key) {
      return Number((await redis.get(prefix + key)) ?? 0);
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
