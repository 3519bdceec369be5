// Long notes are condensed to fit a model's context without losing their later sections: the model is
// asked to cover all of the notes, so it must see all of them.
import { describe, expect, it } from "vitest";
import { parseNotes } from "../notes.js";
import { CELL_BIOLOGY_UNIT3_NOTES } from "../providers/offline/sample-notes.js";
import { buildLessonPrompt } from "./build-prompt.js";

const input = { topic: "Cell biology", subject: "BIOLOGY" as const, difficulty: "BEGINNER" as const };

describe("buildLessonPrompt", () => {
  it("passes short notes whole, line by line", () => {
    const { notes, prompt } = buildLessonPrompt({ ...input, sourceText: CELL_BIOLOGY_UNIT3_NOTES });
    expect(notes).toContain("Organelles:\n- The nucleus holds the DNA");
    expect(prompt).toContain("cover every section");
  });

  it("condenses long notes to the budget and keeps every section's heading and a sentence of each", () => {
    // Each section padded with filler about itself, so the notes run to ~20 KB.
    const long = CELL_BIOLOGY_UNIT3_NOTES.split("\n\n")
      .map((block, i) =>
        i === 0
          ? block
          : `${block}\n${`Revision sentence ${i} repeats this section's ideas for practice. `.repeat(60)}`,
      )
      .join("\n\n");
    expect(long.length).toBeGreaterThan(15_000);
    const { notes } = buildLessonPrompt({ ...input, sourceText: long }, 2000);
    expect(notes?.length).toBeLessThanOrEqual(2000);
    for (const section of parseNotes(CELL_BIOLOGY_UNIT3_NOTES).sections) {
      expect(notes).toContain(`${section.heading}:`);
    }
  });
});
