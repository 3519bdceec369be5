// Verification messages that tell the truth: a link used once already verified the address (say
// so, and offer to log in), and "Resend" for a verified account sends nothing (say why).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, mailToken, PASSWORD, type TestServer, startTestServer, uniqueEmail } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("verification messages", () => {
  it("a used link of a verified address stays the contract's 400 invalid_token, with reason already_verified", async () => {
    const email = uniqueEmail("twice");
    await s.api("POST", "/auth/register", { body: { email, password: PASSWORD, displayName: "Twice" } });
    const token = await mailToken(s, email, "/verify-email");
    expect((await s.api("POST", "/auth/verify-email", { body: { token } })).status).toBe(200);
    const again = await s.api("POST", "/auth/verify-email", { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("invalid_token");
    expect(again.body.reason).toBe("already_verified");
    expect(again.body.detail).toMatch(/already verified.*log in/i);
  });

  it("Resend for a verified account answers the contract's 202 with alreadyVerified, and mails nothing", async () => {
    const u = await makeUser(s, { verified: true });
    const before = s.mails.filter((m) => m.to === u.email).length;
    const res = await s.api("POST", "/auth/resend-verification", { token: u.token, body: {} });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ alreadyVerified: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(s.mails.filter((m) => m.to === u.email).length).toBe(before);
  });
});
