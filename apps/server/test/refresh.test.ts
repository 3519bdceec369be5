// Refresh-token rotation, the 10 s grace for a lost response, and reuse ending the whole session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const refresh = (refreshToken: string) => s.api("POST", "/auth/refresh-token", { body: { refreshToken } });

describe("refresh-token", () => {
  it("rotates: a new pair, and the new access token works", async () => {
    const u = await makeUser(s);
    const res = await refresh(u.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.session.refreshToken).not.toBe(u.refreshToken);
    expect((await s.api("GET", "/users/me", { token: res.body.session.accessToken })).status).toBe(200);
  });

  it("returns the current pair unchanged when the parent is presented again within 10 s", async () => {
    const u = await makeUser(s);
    const first = await refresh(u.refreshToken);
    const retry = await refresh(u.refreshToken);
    expect(retry.status).toBe(200);
    expect(retry.body.session.refreshToken).toBe(first.body.session.refreshToken);
    // The session is intact: the current token still rotates normally.
    expect((await refresh(first.body.session.refreshToken)).status).toBe(200);
  });

  it("two concurrent refreshes with one token both succeed with the same new token", async () => {
    const u = await makeUser(s);
    const [a, b] = await Promise.all([refresh(u.refreshToken), refresh(u.refreshToken)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.session.refreshToken).toBe(b.body.session.refreshToken);
  });

  it("after the grace window, reuse ends the whole session and nothing revives it", async () => {
    const u = await makeUser(s);
    const first = await refresh(u.refreshToken);
    await s.ctx.db.query(
      "update auth.refresh_tokens set spent_at = now() - interval '11 seconds' where spent_at is not null",
    );
    const reused = await refresh(u.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe("refresh_token_reused");
    // Every token of that login is dead: the current refresh token and the access tokens.
    expect((await refresh(first.body.session.refreshToken)).body.code).toBe("refresh_token_reused");
    expect((await s.api("GET", "/users/me", { token: first.body.session.accessToken })).status).toBe(401);
    expect((await s.api("GET", "/users/me", { token: u.token })).status).toBe(401);
  });

  it("reuse of a grandparent token (not the parent of the current one) ends the session at once", async () => {
    const u = await makeUser(s);
    const first = await refresh(u.refreshToken);
    const second = await refresh(first.body.session.refreshToken);
    const reused = await refresh(u.refreshToken);
    expect(reused.body.code).toBe("refresh_token_reused");
    expect((await refresh(second.body.session.refreshToken)).status).toBe(401);
  });

  it("other sessions of the same user survive a reuse in one session", async () => {
    const u = await makeUser(s);
    const other = await s.api("POST", "/auth/login", { body: { email: u.email, password: u.password } });
    const first = await refresh(u.refreshToken);
    await refresh(first.body.session.refreshToken);
    await refresh(u.refreshToken);
    expect((await s.api("GET", "/users/me", { token: other.body.session.accessToken })).status).toBe(200);
  });

  it.each([["garbage"], ["00000000-0000-0000-0000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"], [""]])(
    "refuses a forged or unknown token %#",
    async (token) => {
      const res = await refresh(token);
      expect([400, 401]).toContain(res.status);
      if (res.status === 401) expect(res.body.code).toBe("invalid_refresh_token");
    },
  );

  it("refuses a token whose MAC was altered", async () => {
    const u = await makeUser(s);
    const [id, mac] = u.refreshToken.split(".");
    const flipped = `${id}.${mac[0] === "A" ? "B" : "A"}${mac.slice(1)}`;
    expect((await refresh(flipped)).body.code).toBe("invalid_refresh_token");
  });
});
