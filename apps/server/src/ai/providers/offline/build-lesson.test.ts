// Lessons that teach, built from notes alone: every section of the notes gets a key point, no heading is
// ever taught, sentences are never cut at "Mr." or inside "10–100 µm", and the narration runs intro → each
// key point with its supporting sentences → recap. Run through the real pipeline, quality checks included.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitNarration } from "../../narration.js";
import { isHeading, type ParsedNotes, parseNotes } from "../../notes.js";
import { generateLesson, type Lesson } from "../../pipeline.js";
import { splitSentences } from "../../text.js";
import { OfflineProvider } from "./index.js";
import { CELL_BIOLOGY_UNIT3_NOTES, CELL_RESPIRATION_NOTES, FRENCH_REVOLUTION_BLOCKS } from "./sample-notes.js";

const CELL_DIVISION_NOTES = readFileSync(
  new URL("../../../../../../e2e/fixtures/cell-division-notes.txt", import.meta.url),
  "utf8",
);
const provider = new OfflineProvider();

function build(topic: string, sourceText: string): Promise<Lesson> {
  return generateLesson({ topic, subject: "BIOLOGY", difficulty: "BEGINNER", sourceText }, provider);
}

const bare = (s: string) => s.replace(/[.!?…]+$/, "");

/** The sentence of the notes each key point was taken from (key points are spans of one sentence). */
function sourcesOf(lesson: Lesson, notes: ParsedNotes) {
  return lesson.keyPoints.map((point) => {
    const source = notes.sentences.find((s) => s.text.includes(bare(point)));
    expect(source, `"${point}" is not a sentence of the notes`).toBeDefined();
    return source!;
  });
}

describe("offline lessons cover all of the notes", () => {
  it.each([
    ["the issue's cell-biology notes (five headed sections)", "Cell biology", CELL_BIOLOGY_UNIT3_NOTES],
    ["notes in five blank-line blocks", "The French Revolution", FRENCH_REVOLUTION_BLOCKS],
    ["notes with an intro and five headed sections", "Cellular respiration", CELL_RESPIRATION_NOTES],
  ])("gives every section of %s a key point, in the notes' order", async (_name, topic, notes) => {
    const parsed = parseNotes(notes);
    expect(parsed.sections.length).toBeGreaterThanOrEqual(5);
    const lesson = await build(topic, notes);
    const sources = sourcesOf(lesson, parsed);
    expect(new Set(sources.map((s) => s.section))).toEqual(new Set(parsed.sections.map((_, i) => i)));
    const order = sources.map((s) => s.index);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("teaches the e2e fixture (one block of one-line facts) from its beginning to its end", async () => {
    const parsed = parseNotes(CELL_DIVISION_NOTES);
    const lesson = await build("Cell division", CELL_DIVISION_NOTES);
    const positions = sourcesOf(lesson, parsed).map((s) => s.index / parsed.sentences.length);
    // A key point from each third of the notes.
    expect(positions.some((p) => p < 1 / 3)).toBe(true);
    expect(positions.some((p) => p >= 1 / 3 && p < 2 / 3)).toBe(true);
    expect(positions.some((p) => p >= 2 / 3)).toBe(true);
  });

  it("never teaches a heading: not as the first key point, not in the narration", async () => {
    for (const [topic, notes] of [
      ["Cell biology", CELL_BIOLOGY_UNIT3_NOTES],
      ["Cellular respiration", CELL_RESPIRATION_NOTES],
      ["Cell division", CELL_DIVISION_NOTES],
    ] as const) {
      const { headings } = parseNotes(notes);
      const lesson = await build(topic, notes);
      for (const point of lesson.keyPoints) expect(isHeading(point, headings), point).toBe(false);
      for (const sentence of splitSentences(lesson.script)) expect(isHeading(sentence, headings), sentence).toBe(false);
    }
    const lesson = await build("Cell biology", CELL_BIOLOGY_UNIT3_NOTES);
    expect(lesson.keyPoints[0]).toBe(
      "All living things are made of one or more cells, and the cell is the basic unit of life.",
    );
    expect(lesson.script).not.toMatch(/Unit 3 notes|Bio 101/);
  });

  it("keeps sentences whole at Mr., Dr., e.g., i.e., ranges and decimals", async () => {
    const lesson = await build("Cell biology", CELL_BIOLOGY_UNIT3_NOTES);
    const noteSentences = new Set(parseNotes(CELL_BIOLOGY_UNIT3_NOTES).sentences.map((s) => s.text));
    const { points } = splitNarration(lesson.script, lesson.keyPoints);
    for (const sentence of points.flatMap((p) => splitSentences(p))) expect(noteSentences).toContain(sentence);
    for (const point of lesson.keyPoints) expect(point).not.toMatch(/\b(?:Mr|Dr|e\.g|i\.e)\.$|\d[–-]$/);
    expect(lesson.script).toContain("a typical animal cell is 10–100 micrometres across");
    expect(lesson.script).toContain("Prokaryotic cells, e.g. bacteria, have no nucleus");
  });

  it("narrates an introduction, each key point with its own section's sentences, and a recap", async () => {
    const parsed = parseNotes(CELL_BIOLOGY_UNIT3_NOTES);
    const lesson = await build("Cell biology", CELL_BIOLOGY_UNIT3_NOTES);
    const { intro, points, recap } = splitNarration(lesson.script, lesson.keyPoints);
    expect(intro).toMatch(/^In this lesson on cell biology, we will look at cell theory, prokaryotic and eukaryotic/);
    expect(recap).toMatch(/^To recap: /);
    expect(points).toHaveLength(lesson.keyPoints.length);
    const sources = sourcesOf(lesson, parsed);
    points.forEach((segment, i) => {
      const sentences = splitSentences(segment);
      expect(sentences[0]).toContain(bare(lesson.keyPoints[i]));
      // Supporting sentences come from the key point's own section.
      const own = new Set(parsed.sections[sources[i].section].sentences.map((s) => s.text));
      for (const s of sentences) expect(own).toContain(s);
    });
    expect(points.some((p) => splitSentences(p).length > 1)).toBe(true);
  });
});
