// "Does the lesson teach all of the notes?": the quality check that rejects a lesson whose key points all
// come from one part of the notes (issue 13: key points copied from the first two paragraphs only).
import { describe, expect, it } from "vitest";
import { coveredParts, notesParts, partsNeeded } from "./coverage.js";
import type { ScriptLesson } from "./lesson-schema.js";
import { parseNotes } from "./notes.js";
import { GenerationError, generateLesson, type LlmProvider } from "./pipeline.js";
import { CELL_BIOLOGY_UNIT3_NOTES, CELL_RESPIRATION_NOTES } from "./providers/offline/sample-notes.js";

const sections = parseNotes(CELL_BIOLOGY_UNIT3_NOTES).sections.map((s) => s.sentences.map((x) => x.text));

function answering(lesson: ScriptLesson): LlmProvider {
  return {
    name: "openai",
    model: "scripted",
    concurrency: 1,
    generateJson: async () => ({
      json: lesson,
      text: JSON.stringify(lesson),
      usage: { inputTokens: 1, outputTokens: 1 },
    }),
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}

/** A model's lesson whose key points and narration are the first sentences of the given sections. */
function lessonFrom(sectionIndexes: number[], perSection: number): ScriptLesson {
  const taught = sectionIndexes.flatMap((i) => sections[i].slice(0, perSection));
  return {
    title: "Cell biology",
    scriptSummary: "Cells are the units of life. This lesson goes through the notes.",
    script: `Today we study cell biology. ${taught.join(" ")} To recap, cells are the basic unit of life.`,
    keyPoints: taught,
    tags: ["cells"],
    quiz: [],
  };
}

const input = { topic: "Cell biology", subject: "BIOLOGY" as const, difficulty: "BEGINNER" as const };

describe("coverage of the notes", () => {
  it("cuts the issue's five sections into four parts and traces key points to them", () => {
    const parts = notesParts(CELL_BIOLOGY_UNIT3_NOTES);
    expect(parts).toHaveLength(4);
    expect(partsNeeded(parts.length)).toBe(3);
    expect(coveredParts(sections[0].slice(0, 3), parts)).toEqual(new Set([0]));
    const osmosis = coveredParts(["Osmosis is the diffusion of water across a partially permeable membrane."], parts);
    expect(osmosis.size).toBe(1);
    expect(osmosis.has(0)).toBe(false);
    expect(coveredParts(["Microvilli and root hairs increase the surface area for absorption."], parts)).toEqual(
      new Set([3]),
    );
    expect(
      coveredParts(
        sections.map((s) => s[0]),
        parts,
      ).size,
    ).toBe(4);
  });

  it("splits notes without sections into thirds, and leaves short notes alone", () => {
    const oneBlock = sections.flat().join("\n");
    const thirds = notesParts(oneBlock);
    expect(thirds).toHaveLength(3);
    expect(coveredParts([sections[0][0]], thirds)).toEqual(new Set([0]));
    expect(coveredParts([sections[4][0]], thirds)).toEqual(new Set([2]));
    expect(notesParts("Mitochondria make ATP. Ribosomes make proteins.")).toHaveLength(0);
  });

  it("rejects a lesson whose key points all come from the first part of the notes, as a quality failure", async () => {
    const err = await generateLesson(
      { ...input, sourceText: CELL_BIOLOGY_UNIT3_NOTES },
      answering(lessonFrom([0, 1], 2)),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("quality");
    expect((err as GenerationError).retryable).toBe(false);
    expect((err as GenerationError).reason).toMatch(/key points came from 1 of the 4 parts of your notes/);
  });

  it("publishes the same kind of lesson when its key points reach every section", async () => {
    const lesson = await generateLesson(
      { ...input, sourceText: CELL_BIOLOGY_UNIT3_NOTES },
      answering(lessonFrom([0, 1, 2, 3, 4], 1)),
    );
    expect(lesson.keyPoints).toHaveLength(5);
  });

  it("counts a point made of words every part shares as covering them all (notes that repeat themselves)", () => {
    const repeated = Array.from({ length: 4 }, () => CELL_RESPIRATION_NOTES).join("\n\n");
    const parts = notesParts(repeated);
    expect(parts).toHaveLength(4);
    expect(coveredParts(["Glycolysis happens in the cytoplasm and does not need oxygen."], parts).size).toBe(4);
  });
});
