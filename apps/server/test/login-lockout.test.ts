// The per-account log-in lockout under a burst: an attempt is counted before its password is checked,
// so 60 guesses at once get at most the limit's worth of checks; and the owner locked out by someone
// else is told the way in (a reset e-mail) and can use it at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailToken, makeUser, PASSWORD, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("log-in lockout", () => {
  it("checks at most the limit's worth of 60 parallel wrong passwords", async () => {
    const u = await makeUser(s);
    const limit = s.ctx.config.rateLimits.loginFailuresPerAccount.limit;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        s.api("POST", "/auth/login", { body: { email: u.email, password: `Wrong-guess-${i}!` } }),
      ),
    );
    // Every 401 is a guess that reached the password check; the rest were refused before it.
    const checked = answers.filter((r) => r.status === 401).length;
    const refused = answers.filter((r) => r.status === 429).length;
    console.info(`60 parallel wrong passwords: ${checked} checked, ${refused} refused (limit ${limit})`);
    expect(checked + refused).toBe(60);
    expect(checked).toBeLessThanOrEqual(limit);
  });

  it("tells the locked-out owner about the reset e-mail, and a reset lets them in at once", async () => {
    const u = await makeUser(s);
    for (let i = 0; i < 10; i++)
      await s.api("POST", "/auth/login", { body: { email: u.email, password: "Someone-else-1!" } });
    const locked = await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/forgot-password/);
    expect(locked.body.detail).toMatch(/reset/i);

    await s.api("POST", "/auth/forgot-password", { body: { email: u.email } });
    const token = await mailToken(s, u.email, "/reset-password");
    const newPassword = "Owner-Is-Back-42";
    expect((await s.api("POST", "/auth/reset-password", { body: { token, password: newPassword } })).status).toBe(200);
    expect((await s.api("POST", "/auth/login", { body: { email: u.email, password: newPassword } })).status).toBe(200);
  });
});
