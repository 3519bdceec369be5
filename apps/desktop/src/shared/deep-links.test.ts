// Deep links are attacker-controlled strings from the OS: only the two exact forms get through.
import { describe, expect, it } from "vitest";
import { findDeepLink, isDeepLink, parseDeepLink } from "./deep-links.js";

const ID = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";
const TOKEN = "AbCdEf0123456789_-xyzXYZ";

describe("parseDeepLink", () => {
  it("accepts a video link with a UUID, with or without a trailing slash", () => {
    expect(parseDeepLink(`littlemonster://video/${ID}`)).toEqual({ kind: "video", id: ID });
    expect(parseDeepLink(`littlemonster://video/${ID}/`)).toEqual({ kind: "video", id: ID });
  });

  it("accepts a verify-email link with a base64url token", () => {
    expect(parseDeepLink(`littlemonster://verify-email?token=${TOKEN}`)).toEqual({
      kind: "verify-email",
      token: TOKEN,
    });
  });

  it.each([
    ["dot-dot segment", "littlemonster://video/../x"],
    ["dot-dot after the id", `littlemonster://video/${ID}/../../settings`],
    ["dot-dot before the id", `littlemonster://video/../video/${ID}`],
    ["encoded dot-dot", "littlemonster://video/%2e%2e/x"],
    ["encoded slash", `littlemonster://video/${ID}%2F..%2Fx`],
    ["double-encoded dot-dot", "littlemonster://video/%252e%252e%252fx"],
    ["backslash traversal", `littlemonster://video/..\\${ID}`],
    ["extra path segment", `littlemonster://video/${ID}/comments`],
    ["two slashes at the end", `littlemonster://video/${ID}//`],
    ["query after the id", `littlemonster://video/${ID}?next=https://evil.example`],
    ["fragment after the id", `littlemonster://video/${ID}#x`],
    ["not a UUID", "littlemonster://video/12345"],
    ["UUID with a suffix", `littlemonster://video/${ID}0`],
    ["upper-case UUID", `littlemonster://video/${ID.toUpperCase()}`],
    ["empty id", "littlemonster://video/"],
    ["another scheme", `lm://video/${ID}`],
    ["another scheme with traversal", "lm://video/../x"],
    ["dot segment", `littlemonster://video/./${ID}`],
    ["encoded id", `littlemonster://video/%33f2c9a4e-1b7d-4c8e-9f01-23456789abcd`],
    ["scheme as a suffix", `xlittlemonster://video/${ID}`],
    ["upper-case scheme", `LITTLEMONSTER://video/${ID}`],
    ["single slash", `littlemonster:/video/${ID}`],
    ["credentials", `littlemonster://user@video/${ID}`],
    ["leading whitespace", ` littlemonster://video/${ID}`],
    ["trailing newline", `littlemonster://video/${ID}\n`],
    ["unknown host", `littlemonster://admin/${ID}`],
    ["token too short", "littlemonster://verify-email?token=abc"],
    ["token with a second parameter", `littlemonster://verify-email?token=${TOKEN}&next=https://evil.example`],
    ["token with encoded characters", `littlemonster://verify-email?token=${TOKEN}%00`],
    ["token with a dot", `littlemonster://verify-email?token=${TOKEN}.x`],
    ["token parameter not first", `littlemonster://verify-email?a=1&token=${TOKEN}`],
    ["verify-email with a path", `littlemonster://verify-email/../video?token=${TOKEN}`],
    ["huge input", `littlemonster://verify-email?token=${"a".repeat(5000)}`],
  ])("rejects %s", (_name, raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it("rejects a non-string without throwing", () => {
    expect(parseDeepLink(42 as unknown as string)).toBeNull();
  });
});

describe("findDeepLink", () => {
  it("finds the link among Chromium switches in a second instance's argv", () => {
    const argv = ["/opt/Little Monster/little-monster", "--allow-file-access", `littlemonster://video/${ID}`];
    expect(findDeepLink(argv)).toEqual({ kind: "video", id: ID });
  });

  it("skips invalid links and returns null when none is valid", () => {
    expect(findDeepLink(["app", "littlemonster://video/../x"])).toBeNull();
    expect(findDeepLink(["app", "littlemonster://video/../x", `littlemonster://video/${ID}`])).toEqual({
      kind: "video",
      id: ID,
    });
  });
});

describe("isDeepLink", () => {
  it("re-validates objects that crossed IPC", () => {
    expect(isDeepLink({ kind: "video", id: ID })).toBe(true);
    expect(isDeepLink({ kind: "video", id: "../x" })).toBe(false);
    expect(isDeepLink({ kind: "verify-email", token: "a/b" })).toBe(false);
    expect(isDeepLink({ kind: "admin" })).toBe(false);
    expect(isDeepLink(null)).toBe(false);
  });
});
