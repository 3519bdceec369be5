// The session cache must never outlive a revocation: two instances on one database, each with its
// own cache (and, on PostgreSQL, its own pool and LISTEN connection); what ends on one is refused
// by the other at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext, type RunningServer, startServer } from "../src/app.js";
import { SessionCache } from "../src/auth/session-cache.js";
import { client, makeUser, type TestServer, startTestServer } from "./harness.js";

let a: TestServer;
let b: RunningServer;
let apiB: ReturnType<typeof client>;
beforeAll(async () => {
  // Instances behind one balancer share the signing secret, as deployments set JWT_SECRET.
  a = await startTestServer({ jwtSecret: "session-cache-test-secret-0123456789abcdef" });
  // PGlite lives in one process: the second instance borrows it (closing B must leave it open).
  // PostgreSQL: B connects on its own, like a second machine would.
  const shared =
    a.ctx.db.driver === "pglite" ? { db: Object.assign(Object.create(a.ctx.db), { close: async () => {} }) } : {};
  b = await startServer(await createContext(a.ctx.config, { ...shared, migrate: false }));
  apiB = client(b.url);
});
afterAll(async () => {
  await b?.close();
  await a?.stop();
});

describe("session cache across instances", () => {
  it("a logout on one instance is refused by the other on the very next request", async () => {
    const u = await makeUser(a);
    // Warm both caches first, so the refusal cannot come from a cold lookup.
    for (let i = 0; i < 3; i++) {
      expect((await a.api("GET", "/users/me", { token: u.token })).status).toBe(200);
      expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(200);
    }
    expect((await a.api("POST", "/auth/logout", { token: u.token, body: {} })).status).toBe(204);
    expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(401);
    expect((await a.api("GET", "/users/me", { token: u.token })).status).toBe(401);
  });

  it("stays refused on the very next request however fast it comes, logout after logout", async () => {
    // One logout can win the race by luck; twenty in a row, each answered from a warm cache the
    // instant before, cannot.
    for (let i = 0; i < 20; i++) {
      const u = await makeUser(a);
      expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(200);
      expect((await a.api("POST", "/auth/logout", { token: u.token, body: {} })).status).toBe(204);
      expect((await apiB("GET", "/users/me", { token: u.token })).status, `logout ${i + 1}`).toBe(401);
    }
  });

  it("a session ended in the database directly (all sessions of a user) is refused at once", async () => {
    const u = await makeUser(a);
    expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(200);
    await a.ctx.db.query("update auth.sessions set ended_at = now(), end_reason = 'test' where user_id = $1", [u.id]);
    expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(401);
  });

  it("deleting the user ends its cached sessions at once", async () => {
    const u = await makeUser(a);
    const before = await apiB("GET", "/users/me", { token: u.token });
    expect(before.status).toBe(200);
    await a.ctx.db.query("delete from public.users where id = $1", [u.id]);
    expect((await apiB("GET", "/users/me", { token: u.token })).status).toBe(401);
  });
});

describe("SessionCache", () => {
  const live = { role: "USER" as const, emailVerified: true };

  it("does not store an answer read before a notification arrived", () => {
    const cache = new SessionCache({ ttlMs: 10_000, listening: () => true, caughtUp: async () => true });
    const token = cache.begin();
    cache.invalidate("s:s1");
    cache.store(token, "s1", "u1", live);
    expect(cache.get("s1", "u1")).toBeUndefined();
    cache.store(cache.begin(), "s1", "u1", live);
    expect(cache.get("s1", "u1")).toEqual(live);
  });

  it("trusts nothing while not listening, nothing past its TTL, and drops a user's sessions", () => {
    let listening = true;
    let now = 0;
    const cache = new SessionCache({
      ttlMs: 1000,
      listening: () => listening,
      caughtUp: async () => true,
      now: () => now,
    });
    cache.store(cache.begin(), "s1", "u1", live);
    cache.store(cache.begin(), "s2", "u1", live);
    listening = false;
    expect(cache.get("s1", "u1")).toBeUndefined();
    listening = true;
    expect(cache.get("s1", "u2")).toBeUndefined();
    now = 1000;
    expect(cache.get("s1", "u1")).toBeUndefined();
    now = 0;
    cache.invalidate("u:u1");
    expect(cache.get("s2", "u1")).toBeUndefined();
  });

  it("trusts an entry only after notifications in flight have arrived", async () => {
    // The logout's notification is still on its way when the request asks: it lands during the
    // catch-up round trip, and the entry found before it must not be answered.
    let inFlight: string | null = "s:s1";
    const cache: SessionCache = new SessionCache({
      ttlMs: 10_000,
      listening: () => true,
      caughtUp: async () => {
        if (inFlight) cache.invalidate(inFlight);
        inFlight = null;
        return true;
      },
    });
    cache.store(cache.begin(), "s1", "u1", live);
    cache.store(cache.begin(), "s2", "u1", live);
    expect(await cache.lookup("s1", "u1")).toBeUndefined();
    expect(await cache.lookup("s2", "u1")).toEqual(live);
  });

  it("trusts nothing when the listener cannot show it caught up", async () => {
    const cache = new SessionCache({ ttlMs: 10_000, listening: () => true, caughtUp: async () => false });
    cache.store(cache.begin(), "s1", "u1", live);
    expect(cache.get("s1", "u1")).toEqual(live);
    expect(await cache.lookup("s1", "u1")).toBeUndefined();
  });
});
