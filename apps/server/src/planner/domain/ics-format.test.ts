import { describe, expect, it } from "vitest";
import { escapeText, foldLine, formatOffset, unescapeText } from "./ics-format.js";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("escapeText / unescapeText", () => {
  it("escapes backslash, semicolon, comma and every newline style, and reverses it", () => {
    const text = "a\\b;c,d\ne\r\nf\rg";
    expect(escapeText(text)).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(unescapeText(escapeText(text))).toBe("a\\b;c,d\ne\nf\ng");
    expect(unescapeText("line\\Nbreak")).toBe("line\nbreak");
  });
});

describe("foldLine", () => {
  it("leaves a 75-octet line alone and folds a 76-octet one", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("never splits a multi-byte character and keeps every piece within 75 octets", () => {
    // 74 ASCII + "ü" (2 octets) would be 76: the ü must move to the next line whole.
    const folded = foldLine(`${"x".repeat(74)}ü${"😀".repeat(30)}`);
    const pieces = folded.split("\r\n");
    expect(pieces[0]).toBe("x".repeat(74));
    expect(pieces[1].startsWith(" ü")).toBe(true);
    for (const p of pieces) expect(octets(p)).toBeLessThanOrEqual(75);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(`${"x".repeat(74)}ü${"😀".repeat(30)}`);
  });
});

describe("formatOffset", () => {
  it("writes signed HHMM", () => {
    expect(formatOffset(-5 * 3_600_000)).toBe("-0500");
    expect(formatOffset(5.75 * 3_600_000)).toBe("+0545");
  });
});
