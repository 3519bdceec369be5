import { describe, expect, it } from "vitest";
import { SUBJECT_COLORS } from "./constants.js";
import { contrastRatio, readableTextColor } from "./colors.js";

describe("readableTextColor", () => {
  it("picks white on dark and black on light colours", () => {
    expect(readableTextColor("#1E3A8A")).toBe("#ffffff");
    expect(readableTextColor("#F59E0B")).toBe("#000000");
    expect(readableTextColor("#FFFFFF")).toBe("#000000");
  });

  it("always reaches at least 4.5:1 (WCAG AA) for any avatar colour", () => {
    for (let i = 0; i < 2000; i++) {
      const hex = `#${Math.floor(Math.random() * 0xffffff)
        .toString(16)
        .padStart(6, "0")}`;
      expect(contrastRatio(hex, readableTextColor(hex))).toBeGreaterThanOrEqual(4.5);
    }
    for (const c of Object.values(SUBJECT_COLORS))
      expect(contrastRatio(c, readableTextColor(c))).toBeGreaterThanOrEqual(4.5);
  });

  it("computes the WCAG ratio", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});
