// Abuse controls: per-account log-in failures, generous per-IP auth limits, the global limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, PASSWORD, randomIp, type TestServer, startTestServer, uniqueEmail } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    rateLimits: {
      ...(await import("../src/config.js")).testConfig().rateLimits,
      ipPerMinute: 1000,
      userPerMinute: 300,
    },
  });
});
afterAll(() => s.stop());

describe("rate limits", () => {
  it("locks an account after 10 failed log-ins in 15 minutes, even from many IPs, with Retry-After", async () => {
    const u = await makeUser(s);
    for (let i = 0; i < 10; i++) {
      expect((await s.api("POST", "/auth/login", { body: { email: u.email, password: "Wrong-pass-1!" } })).status).toBe(
        401,
      );
    }
    const locked = await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("rate_limited");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Unknown accounts lock the same way, so the limit reveals nothing.
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < 10; i++)
      await s.api("POST", "/auth/login", { body: { email: ghost, password: "Wrong-pass-1!" } });
    expect((await s.api("POST", "/auth/login", { body: { email: ghost, password: "x" } })).status).toBe(429);
  });

  it("a classroom behind one NAT address: 60 sign-ups and 60 log-ins from one IP all work", async () => {
    const ip = randomIp();
    const emails: string[] = [];
    for (let i = 0; i < 60; i++) {
      const email = uniqueEmail("class");
      emails.push(email);
      const res = await s.api("POST", "/auth/register", {
        ip,
        body: { email, password: PASSWORD, displayName: `Student ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const logins = await Promise.all(
      emails.map((email) => s.api("POST", "/auth/login", { ip, body: { email, password: PASSWORD } })),
    );
    expect(logins.map((r) => r.status).filter((st) => st !== 200)).toEqual([]);
    expect(Number(logins[0].headers.get("ratelimit-limit"))).toBeGreaterThanOrEqual(120);
  }, 120_000);

  it("per-IP auth limit answers 429 with RateLimit-* headers once exceeded", async () => {
    const ip = randomIp();
    let last: Awaited<ReturnType<typeof s.api>> | undefined;
    for (let i = 0; i < 121; i++)
      last = await s.api("POST", "/auth/forgot-password", { ip, body: { email: uniqueEmail() } });
    expect(last!.status).toBe(429);
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
    expect(last!.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
  });

  it("the global limit is per user for signed-in callers and configurable", async () => {
    const small = await import("./harness.js").then((h) =>
      h.startTestServer({ rateLimits: { ...s.ctx.config.rateLimits, ipPerMinute: 5, userPerMinute: 3 } }),
    );
    try {
      const u = await makeUser(small);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await small.api("GET", "/users/me", { token: u.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const ip = randomIp();
      const anon: number[] = [];
      for (let i = 0; i < 6; i++)
        anon.push((await small.api("GET", "/users/00000000-0000-4000-8000-000000000000", { ip })).status);
      expect(anon).toEqual([404, 404, 404, 404, 404, 429]);
    } finally {
      await small.stop();
    }
  });

  it("X-Forwarded-For is ignored unless TRUST_PROXY says so", async () => {
    const strict = await import("./harness.js").then((h) =>
      h.startTestServer({ trustProxy: 0, rateLimits: { ...s.ctx.config.rateLimits, ipPerMinute: 3 } }),
    );
    try {
      const statuses: number[] = [];
      // Spoofed addresses change nothing: all four come from the same socket.
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await strict.api("GET", "/users/00000000-0000-4000-8000-000000000000", { ip: randomIp() })).status,
        );
      expect(statuses[3]).toBe(429);
    } finally {
      await strict.stop();
    }
  });
});
