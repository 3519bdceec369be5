// The global rate limit without a Redis round trip on every request. Each instance leases a block
// of counts from the shared counter (one INCRBY) and hands them out from memory. Every count is
// given out once across all instances, so a window never admits more than the limit, exactly as
// with one INCR per request. Blocks are sized from the budget left (an eighth of it, at least the
// requests already waiting, at most MAX_LEASE), so near the limit they are one count and Redis
// sees every hit again.
//
// The tolerance, in the other direction only: counts one instance leased and has not used yet are
// not available to the others. A client can be refused by one instance while another still holds
// up to an eighth of the budget that was left when it leased — and only until that instance gets
// the client's next request (a load balancer spreads them) or the window ends.
import type { CountingStore, RateLimitStore } from "./rate-limit-store.js";

const SHARE = 8;
const MAX_LEASE = 100;

interface Lease {
  /** The next count to hand out, and the last one this instance holds. */
  next: number;
  end: number;
  /** The shared total when the block was leased. */
  total: number;
  resetAt: number;
  waiting: number;
  pending?: Promise<void>;
}

export function leasedStore(store: CountingStore, now: () => number = Date.now): RateLimitStore {
  const leases = new Map<string, Lease>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [k, l] of leases) if (l.resetAt <= t && !l.pending) leases.delete(k);
  }, 60_000);
  sweep.unref();

  const lease = (key: string, windowMs: number, limit: number, held: Lease | undefined) => {
    const l: Lease = held ?? { next: 1, end: 0, total: 0, resetAt: now() + windowMs, waiting: 0 };
    // The first hit of a window here learns the total; later blocks are a share of what is left.
    const size = held ? Math.min(MAX_LEASE, Math.max(1, Math.floor((limit - l.total) / SHARE), l.waiting + 1)) : 1;
    l.pending = store
      .add(key, windowMs, size)
      .then(({ count, resetAt }) => {
        l.total = count;
        l.next = count - size + 1;
        l.end = count;
        l.resetAt = resetAt;
      })
      .finally(() => {
        l.pending = undefined;
      });
    leases.set(key, l);
    return l;
  };

  return {
    async hit(key, windowMs, opts) {
      const limit = opts?.limit;
      if (limit === undefined) return store.hit(key, windowMs);
      for (;;) {
        let l = leases.get(key);
        if (l && !l.pending && l.resetAt <= now()) {
          leases.delete(key);
          l = undefined;
        }
        if (l && !l.pending && l.next <= l.end) return { count: l.next++, resetAt: l.resetAt };
        // The window is full everywhere: refuse here until it resets, without asking Redis again.
        if (l && !l.pending && l.total >= limit) return { count: l.total + 1, resetAt: l.resetAt };
        l ??= lease(key, windowMs, limit, undefined);
        if (!l.pending) lease(key, windowMs, limit, l);
        l.waiting++;
        try {
          await l.pending;
        } finally {
          l.waiting--;
        }
      }
    },
    peek: (key) => store.peek(key),
    reset: async (key) => {
      leases.delete(key);
      await store.reset(key);
    },
  };
}
