// Fault test on a Redis server of the test's own (the shared one is never stopped): Redis dies under
// a running API. Sign-in limits fail closed (503 + Retry-After: without counters a password could be
// guessed freely), the global limit and the feed cache fail open, /readyz says so, and everything
// comes back when Redis does. Runs on PGlite and on the PostgreSQL server alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, PASSWORD, type TestServer, startTestServer, uniqueEmail, waitFor } from "./harness.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";

describe("Redis going away under a running API", () => {
  let redis: RedisServer;
  let s: TestServer;

  beforeAll(async () => {
    redis = await startRedisServer();
    s = await startTestServer({ redisUrl: redis.url, feedCacheTtlMs: 300_000 });
  });
  afterAll(async () => {
    await s?.stop();
    await redis?.destroy();
  });

  const ready = async () => {
    const res = await fetch(`${s.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };
  const login = (email: string, password = PASSWORD) => s.api("POST", "/auth/login", { body: { email, password } });

  it("fails closed on sign-in, open on everything else, reports it, and recovers", async () => {
    const u = await makeUser(s);
    // Resend mails only an unverified address (a verified one gets 202 alreadyVerified, no limiter).
    const unverified = await makeUser(s, { verified: false });
    expect((await login(u.email)).status).toBe(200);
    expect((await s.api("GET", "/videos")).status).toBe(200);

    await redis.stop();

    // Anonymous and signed-in reads keep working: the global limit and the cache fail open.
    const started = performance.now();
    const feed = await s.api("GET", "/videos");
    expect(feed.status).toBe(200);
    expect((await s.api("GET", "/users/me", { token: u.token })).status).toBe(200);
    // No request waits for a Redis that is not there.
    expect(performance.now() - started).toBeLessThan(3_000);

    // Every endpoint guarded by an auth limiter answers 503 problem+json with Retry-After.
    const guarded = [
      await login(u.email),
      await s.api("POST", "/auth/register", {
        body: { email: uniqueEmail(), password: PASSWORD, displayName: "Nobody" },
      }),
      await s.api("POST", "/auth/forgot-password", { body: { email: u.email } }),
      await s.api("POST", "/auth/reset-password", { body: { token: "x".repeat(20), password: "New-Secret-123!" } }),
      await s.api("POST", "/auth/resend-verification", { token: unverified.token, body: {} }),
    ];
    for (const res of guarded) {
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("service_unavailable");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }

    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.cache).toMatch(/^down/);

    await redis.start();
    await waitFor(async () => (await ready()).status === 200, 15_000);
    expect((await ready()).body.cache).toBe("redis");
    expect((await login(u.email)).status).toBe(200);
    expect((await s.api("GET", "/videos")).status).toBe(200);
  });

  it("a hung Redis (accepting, never answering) costs a bounded wait, not an outage", async () => {
    const u = await makeUser(s);
    redis.pause();
    try {
      const started = performance.now();
      expect((await s.api("GET", "/videos")).status).toBe(200);
      const feedMs = performance.now() - started;
      const locked = await login(u.email);
      expect(locked.status).toBe(503);
      expect(locked.headers.get("retry-after")).toBeTruthy();
      console.info(`hung Redis: anonymous feed answered in ${feedMs.toFixed(0)} ms`);
      // Each Redis command gives up after redisCommandTimeoutMs (1 s): limit, cache read, cache write.
      expect(feedMs).toBeLessThan(5_000);
      // Then the watchdog drops the hung connection, and requests stop waiting for Redis at all.
      await new Promise((r) => setTimeout(r, 2_500));
      const again = performance.now();
      expect((await s.api("GET", "/videos")).status).toBe(200);
      const laterMs = performance.now() - again;
      console.info(`hung Redis: the feed answered in ${laterMs.toFixed(0)} ms once the watchdog had dropped it`);
      expect(laterMs).toBeLessThan(500);
    } finally {
      redis.resume();
    }
    await waitFor(async () => (await ready()).status === 200, 15_000);
    expect((await login(u.email)).status).toBe(200);
  });
});

describe("Redis down when the API starts", () => {
  it("starts anyway (sign-in closed, reads open), and recovers when Redis comes up", async () => {
    const redis = await startRedisServer();
    await redis.stop();
    // Before, the start-up awaited the first connection and the process failed to start.
    const s = await startTestServer({ redisUrl: redis.url, feedCacheTtlMs: 300_000 });
    try {
      expect((await s.api("GET", "/videos")).status).toBe(200);
      const login = await s.api("POST", "/auth/login", { body: { email: uniqueEmail(), password: PASSWORD } });
      expect(login.status).toBe(503);
      expect((await fetch(`${s.url}/readyz`)).status).toBe(503);
      await redis.start();
      await waitFor(async () => (await fetch(`${s.url}/readyz`)).status === 200, 15_000);
      const u = await makeUser(s);
      expect((await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } })).status).toBe(200);
    } finally {
      await s.stop();
      await redis.destroy();
    }
  });
});
