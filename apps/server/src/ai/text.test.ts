// Text helpers the quality checks lean on: stems meet across inflections, and truncation keeps words whole.
import { describe, expect, it } from "vitest";
import { contentStems, stem, truncateWords } from "./text.js";

describe("stem", () => {
  it.each([
    ["causes", "cause"],
    ["cells", "cell"],
    ["studies", "study"],
    ["making", "make"],
    ["processes", "process"],
    ["Revolution", "revolutions"],
  ])("%s and %s share a stem", (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it("keeps different words apart", () => {
    expect(stem("cell")).not.toBe(stem("cause"));
  });
});

describe("contentStems", () => {
  it("drops stopwords, numbers and short words", () => {
    expect(contentStems("The 3 causes of the French Revolution")).toEqual(["caus", "french", "revolut"]);
  });
});

describe("truncateWords", () => {
  it("cuts at a word boundary", () => {
    expect(truncateWords("photosynthesis makes glucose from light", 25)).toBe("photosynthesis makes");
    expect(truncateWords("short", 25)).toBe("short");
  });
});
