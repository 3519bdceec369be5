// The leased global limit (http/rate-limit-lease.ts) on a real Redis, as several instances share it:
// never more than the limit admitted in a window, exactly the limit when every instance keeps getting
// requests, and far fewer Redis round trips than hits while far from the limit.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leasedStore } from "../src/http/rate-limit-lease.js";
import { type CountingStore, redisStore } from "../src/http/rate-limit-store.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.destroy();
});

/** A Redis-backed counter that counts its round trips. */
function counted(prefix: string) {
  const store = redisStore(redis, prefix);
  const calls = { n: 0 };
  const wrapped: CountingStore = {
    ...store,
    add: (key, windowMs, n) => {
      calls.n++;
      return store.add(key, windowMs, n);
    },
    hit: (key, windowMs) => {
      calls.n++;
      return store.hit(key, windowMs);
    },
  };
  return { store: wrapped, calls };
}

const WINDOW = 60_000;

describe("leased global limit", () => {
  it("two instances admit exactly the limit, in bursts of concurrent requests spread over both", async () => {
    const prefix = `lease:${randomUUID()}:`;
    const instances = [leasedStore(counted(prefix).store), leasedStore(counted(prefix).store)];
    const limit = 60;
    const counts: number[] = [];
    // As the multi-instance test does through nginx: 10 rounds of 8 concurrent requests, alternating.
    for (let round = 0; round < 10; round++) {
      const burst = await Promise.all(
        Array.from({ length: 8 }, (_, i) => instances[i % 2].hit("g:u:1", WINDOW, { limit })),
      );
      counts.push(...burst.map((r) => r.count));
    }
    expect(counts.filter((c) => c <= limit)).toHaveLength(limit);
    // Every admitted count was handed out once across both instances.
    expect(new Set(counts.filter((c) => c <= limit)).size).toBe(limit);
  });

  it("never admits more than the limit, however the hits fall on four instances", async () => {
    const prefix = `lease:${randomUUID()}:`;
    const instances = Array.from({ length: 4 }, () => leasedStore(counted(prefix).store));
    const limit = 500;
    const results = await Promise.all(
      Array.from({ length: 1200 }, (_, i) =>
        instances[Math.floor(Math.random() * 4)].hit(`g:u:${i % 2}`, WINDOW, { limit }),
      ),
    );
    for (const user of [0, 1]) {
      const admitted = results.filter((r, i) => i % 2 === user && r.count <= limit);
      expect(admitted.length).toBeLessThanOrEqual(limit);
      // Unused leases may cost a little of the limit, never more than an eighth of it.
      expect(admitted.length).toBeGreaterThan(limit * 0.875);
    }
  });

  it("far from the limit, one Redis round trip serves many requests", async () => {
    const { store, calls } = counted(`lease:${randomUUID()}:`);
    const limit = 100_000;
    const leased = leasedStore(store);
    for (let i = 0; i < 50; i++)
      await Promise.all(Array.from({ length: 20 }, () => leased.hit("g:ip:x", WINDOW, { limit })));
    // One per request would be 1,000; blocks of up to 100 make it a few dozen at most.
    expect(calls.n).toBeLessThan(1000 / 20);
  });

  it("once the window is full everywhere, refusals are answered without Redis", async () => {
    const { store, calls } = counted(`lease:${randomUUID()}:`);
    const leased = leasedStore(store);
    const statuses: boolean[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await leased.hit("g:u:2", WINDOW, { limit: 3 })).count <= 3);
    expect(statuses).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(calls.n).toBeLessThanOrEqual(4);
  });

  it("hits without a limit (view caps, auth) still go to Redis one by one", async () => {
    const { store, calls } = counted(`lease:${randomUUID()}:`);
    const leased = leasedStore(store);
    for (let i = 1; i <= 5; i++) expect((await leased.hit("views:x", WINDOW)).count).toBe(i);
    expect(calls.n).toBe(5);
  });
});
