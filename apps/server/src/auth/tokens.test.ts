// The verified-token memo must answer exactly as a full verification would: the same claims while
// the token lives, null from the instant jose would call it expired, and nothing for forgeries.
import { afterEach, describe, expect, it, vi } from "vitest";
import { TokenService } from "./tokens.js";

const SUB = "0b9f3f3e-58a5-4e8e-9a51-1d7c1e6f2a10";
const SID = "6c1f1b0e-2f55-4a3e-8f0e-6a7d9c1b2e3f";

afterEach(() => vi.useRealTimers());

describe("TokenService.verifyAccess", () => {
  it("answers a repeated token from memory until its expiry, then refuses it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T10:00:00Z"));
    const tokens = new TokenService("a-test-secret-a-test-secret-a-test-secret", 60);
    const token = await tokens.signAccess({ sub: SUB, sid: SID, role: "USER" });
    const claims = { sub: SUB, sid: SID, role: "USER" };
    expect(await tokens.verifyAccess(token)).toEqual(claims);
    vi.setSystemTime(new Date("2026-12-05T10:00:59.999Z"));
    expect(await tokens.verifyAccess(token)).toEqual(claims);
    vi.setSystemTime(new Date("2026-12-05T10:01:00Z"));
    expect(await tokens.verifyAccess(token)).toBeNull();
    // Still refused once forgotten: the full check agrees.
    expect(await tokens.verifyAccess(token)).toBeNull();
  });

  it("never trusts a token another key signed, even after a valid one was seen", async () => {
    const ours = new TokenService("a-test-secret-a-test-secret-a-test-secret", 60);
    const theirs = new TokenService("another-secret-another-secret-another-s", 60);
    const good = await ours.signAccess({ sub: SUB, sid: SID, role: "ADMIN" });
    const forged = await theirs.signAccess({ sub: SUB, sid: SID, role: "ADMIN" });
    expect(await ours.verifyAccess(good)).not.toBeNull();
    expect(await ours.verifyAccess(forged)).toBeNull();
    expect(await ours.verifyAccess(forged)).toBeNull();
    expect(await ours.verifyAccess(`${good.slice(0, -2)}xx`)).toBeNull();
  });
});
