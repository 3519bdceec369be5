// Auth table of the contract, end to end over HTTP on a real database and a real SMTP listener.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mailToken,
  makeUser,
  PASSWORD,
  type TestServer,
  startTestServer,
  tokenFromMail,
  uniqueEmail,
  waitFor,
} from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("register", () => {
  it("creates the user, opens a session and mails a verification link", async () => {
    const email = uniqueEmail("reg");
    const res = await s.api("POST", "/auth/register", {
      body: { email: email.toUpperCase(), password: PASSWORD, displayName: "Ada" },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, emailVerified: false, displayName: "Ada", role: "USER" });
    expect(res.body.session).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    await waitFor(() => s.mails.find((m) => m.to === email));
    expect(tokenFromMail(s.mails, email, "/verify-email")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it("refuses a taken email with 409 email_taken", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/auth/register", {
      body: { email: u.email, password: PASSWORD, displayName: "Again" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("email_taken");
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it.each([
    ["short password", { password: "Ab1!" }, "password"],
    ["long password", { password: "x".repeat(129) }, "password"],
    ["common password", { password: "password123" }, "password"],
    ["bad email", { email: "not-an-email" }, "email"],
    ["empty display name", { displayName: "" }, "displayName"],
  ])("refuses a %s with 400 naming the field", async (_name, patch, path) => {
    const body = { email: uniqueEmail(), password: PASSWORD, displayName: "Ok", ...patch };
    const res = await s.api("POST", "/auth/register", { body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_error");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    const count = await s.ctx.db.query("select 1 from public.users where email = $1", [body.email.toLowerCase()]);
    expect(count).toHaveLength(0);
  });

  it("refuses mass assignment of role and emailVerified", async () => {
    for (const extra of [{ role: "ADMIN" }, { emailVerified: true }]) {
      const res = await s.api("POST", "/auth/register", {
        body: { email: uniqueEmail(), password: PASSWORD, displayName: "Eve", ...extra },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe(Object.keys(extra)[0]);
    }
  });
});

describe("login", () => {
  it("returns the user and a working session", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(u.id);
    const me = await s.api("GET", "/users/me", { token: res.body.session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(u.email);
  });

  it("answers unknown email and wrong password identically (status, body, timing)", async () => {
    const u = await makeUser(s);
    const times = { unknown: [] as number[], wrong: [] as number[] };
    let unknownBody: unknown;
    let wrongBody: unknown;
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      const a = await s.api("POST", "/auth/login", {
        body: { email: uniqueEmail("ghost"), password: "Whatever-123!" },
      });
      times.unknown.push(performance.now() - t);
      t = performance.now();
      const b = await s.api("POST", "/auth/login", { body: { email: u.email, password: "Wrong-Pass-123!" } });
      times.wrong.push(performance.now() - t);
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
      unknownBody = a.body;
      wrongBody = b.body;
    }
    expect(unknownBody).toEqual(wrongBody);
    expect(unknownBody).toMatchObject({ code: "invalid_credentials" });
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[2];
    // Both paths run one argon2 verification; without the dummy hash the unknown path is ~50x faster.
    expect(median(times.unknown) / median(times.wrong)).toBeGreaterThan(0.5);
  });
});

describe("logout", () => {
  it("ends the session: access and refresh tokens stop working at once", async () => {
    const u = await makeUser(s);
    expect((await s.api("POST", "/auth/logout", { token: u.token, body: {} })).status).toBe(204);
    expect((await s.api("GET", "/users/me", { token: u.token })).status).toBe(401);
    const refreshed = await s.api("POST", "/auth/refresh-token", { body: { refreshToken: u.refreshToken } });
    expect(refreshed.status).toBe(401);
  });

  it("needs a token", async () => {
    expect((await s.api("POST", "/auth/logout", { body: {} })).status).toBe(401);
  });
});

describe("email verification", () => {
  it("verifies with the mailed token once; the token cannot be used again", async () => {
    const email = uniqueEmail("verify");
    await s.api("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Vera" } });
    const token = await mailToken(s, email, "/verify-email");
    const ok = await s.api("POST", "/auth/verify-email", { body: { token } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email, emailVerified: true });
    const again = await s.api("POST", "/auth/verify-email", { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("invalid_token");
  });

  it("refuses unknown and expired tokens", async () => {
    expect((await s.api("POST", "/auth/verify-email", { body: { token: "nope" } })).body.code).toBe("invalid_token");
    const email = uniqueEmail("expired");
    await s.api("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Old" } });
    const token = await mailToken(s, email, "/verify-email");
    await s.ctx.db.query(
      "update auth.email_tokens set expires_at = now() - interval '1 second' where purpose = 'verify_email'",
    );
    expect((await s.api("POST", "/auth/verify-email", { body: { token } })).body.code).toBe("invalid_token");
  });

  it("resends a verification mail (202) and rate-limits resends", async () => {
    const u = await makeUser(s, { verified: false });
    const before = s.mails.filter((m) => m.to === u.email).length;
    const res = await s.api("POST", "/auth/resend-verification", { token: u.token, body: {} });
    expect(res.status).toBe(202);
    await waitFor(() => s.mails.filter((m) => m.to === u.email).length > before);
    let last = res;
    for (let i = 0; i < 6; i++) last = await s.api("POST", "/auth/resend-verification", { token: u.token, body: {} });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("password reset", () => {
  it("answers 202 {} for known and unknown emails alike", async () => {
    const u = await makeUser(s);
    const known = await s.api("POST", "/auth/forgot-password", { body: { email: u.email } });
    const unknown = await s.api("POST", "/auth/forgot-password", { body: { email: uniqueEmail("nobody") } });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
  });

  it("sets the new password and ends every existing session", async () => {
    const u = await makeUser(s);
    const second = await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } });
    await s.api("POST", "/auth/forgot-password", { body: { email: u.email } });
    const token = await mailToken(s, u.email, "/reset-password");
    const res = await s.api("POST", "/auth/reset-password", { body: { token, password: "Brand-New-Secret-9" } });
    expect(res.status).toBe(200);
    expect((await s.api("GET", "/users/me", { token: u.token })).status).toBe(401);
    expect((await s.api("GET", "/users/me", { token: second.body.session.accessToken })).status).toBe(401);
    expect((await s.api("POST", "/auth/refresh-token", { body: { refreshToken: u.refreshToken } })).status).toBe(401);
    expect((await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } })).status).toBe(401);
    expect(
      (await s.api("POST", "/auth/login", { body: { email: u.email, password: "Brand-New-Secret-9" } })).status,
    ).toBe(200);
    expect(
      (await s.api("POST", "/auth/reset-password", { body: { token, password: "Another-Secret-10" } })).body.code,
    ).toBe("invalid_token");
  });

  it("refuses a weak new password without using up the token", async () => {
    const u = await makeUser(s);
    await s.api("POST", "/auth/forgot-password", { body: { email: u.email } });
    const token = await mailToken(s, u.email, "/reset-password");
    const weak = await s.api("POST", "/auth/reset-password", { body: { token, password: "password" } });
    expect(weak.status).toBe(400);
    expect(
      (await s.api("POST", "/auth/reset-password", { body: { token, password: "Strong-Enough-77" } })).status,
    ).toBe(200);
  });
});

describe("unverified users", () => {
  it("may use their profile but get 403 email_not_verified from the shared publishing guard", async () => {
    const u = await makeUser(s, { verified: false });
    expect((await s.api("GET", "/users/me", { token: u.token })).status).toBe(200);
    const { requireVerified } = await import("../src/http/auth.js");
    const guard = requireVerified(true);
    const req = { auth: { userId: u.id, sessionId: "x", role: "USER", emailVerified: false } } as never;
    expect(() => guard(req, {} as never, () => {})).toThrow(
      expect.objectContaining({ code: "email_not_verified", status: 403 }),
    );
  });
});
