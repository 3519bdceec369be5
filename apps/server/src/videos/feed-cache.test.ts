// The memory feed cache's rules: TTL, bounded size, and no page stored from before an invalidation.
import { describe, expect, it } from "vitest";
import { type FeedCache, feedKey, memoryFeedCache, owingInvalidations } from "./feed-cache.js";

describe("memoryFeedCache", () => {
  it("expires pages after the TTL", async () => {
    let t = 0;
    const cache = memoryFeedCache(1_000, 10, () => t);
    const { version } = await cache.get("k");
    await cache.set("k", version, "page");
    t = 999;
    expect((await cache.get("k")).body).toBe("page");
    t = 1_000;
    expect((await cache.get("k")).body).toBeNull();
  });

  it("never stores a page computed before an invalidation", async () => {
    const cache = memoryFeedCache(60_000);
    const { version } = await cache.get("k"); // a miss: the page is being computed…
    await cache.invalidate(); // …when a lesson goes private
    await cache.set("k", version, "stale page");
    expect((await cache.get("k")).body).toBeNull();
  });

  it("keeps at most maxPages, dropping the oldest", async () => {
    const cache = memoryFeedCache(60_000, 2);
    for (const k of ["a", "b", "c"]) await cache.set(k, 0, k);
    expect((await cache.get("a")).body).toBeNull();
    expect((await cache.get("c")).body).toBe("c");
  });

  it("keys the same query the same way whatever the parameter order", () => {
    expect(feedKey({ sort: "top", subject: "MATH" })).toBe(feedKey({ subject: "MATH", sort: "top" }));
    expect(feedKey({ subject: "MATH" })).not.toBe(feedKey({ subject: "HISTORY" }));
  });

  it("remembers the furthest WAL position of any invalidation, whatever order they arrive in", async () => {
    const cache = memoryFeedCache(60_000);
    expect((await cache.get("a")).lsn).toBeNull();
    await cache.invalidate("9007199254740000");
    await cache.invalidate("120");
    await cache.invalidate(null);
    expect(await cache.get("a")).toMatchObject({ lsn: "9007199254740000", version: 3 });
  });
});

describe("owingInvalidations", () => {
  it("serves no cached page while an invalidation that failed is still owed", async () => {
    const inner = memoryFeedCache(60_000);
    let down = false;
    // A cache whose store can go away, as Redis does: pages it holds survive the outage.
    const flaky: FeedCache = {
      get: (k) => inner.get(k),
      set: (k, v, b) => inner.set(k, v, b),
      invalidate: async (lsn) => {
        if (down) throw new Error("ECONNREFUSED");
        await inner.invalidate(lsn);
      },
    };
    const cache = owingInvalidations(flaky, { warn() {} });
    await cache.set("k", (await cache.get("k")).version, "page before the change");
    down = true;
    await expect(cache.invalidate()).rejects.toThrow(); // a lesson went private during the outage
    down = false;
    // The first read pays the owed invalidation; the old page is never served.
    expect((await cache.get("k")).body).toBeNull();
    const { version } = await cache.get("k");
    await cache.set("k", version, "fresh page");
    expect((await cache.get("k")).body).toBe("fresh page");
  });
});
