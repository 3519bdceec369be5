import { describe, expect, it } from "vitest";
import { countOf, plural } from "./plural.js";

describe("plural words by Intl.PluralRules", () => {
  it.each([
    [0, "view", "0 views"],
    [1, "view", "1 view"],
    [2, "view", "2 views"],
    [1, "lesson", "1 lesson"],
    [10, "minute", "10 minutes"],
    [1, "minute", "1 minute"],
  ])("%i %s → %s", (n, noun, text) => {
    expect(countOf(n, noun)).toBe(text);
  });

  it("takes irregular plurals and a formatted number", () => {
    expect(plural(2, "person", "people")).toBe("people");
    expect(countOf(1200, "view", undefined, "1.2K")).toBe("1.2K views");
  });
});
