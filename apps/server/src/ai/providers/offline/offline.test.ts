// The offline provider end to end through the real pipeline: a lesson built only from the
// student's notes, with valid timestamps and quiz, and a clear failure without notes.
import { describe, expect, it } from "vitest";
import { splitNarration } from "../../narration.js";
import { parseNotes } from "../../notes.js";
import { GenerationError, generateLesson } from "../../pipeline.js";
import { inferKind } from "../../quiz/kinds.js";
import { splitSentences } from "../../text.js";
import { OfflineProvider } from "./index.js";
import { CELL_RESPIRATION_NOTES, WATER_CYCLE_BULLETS } from "./sample-notes.js";

const provider = new OfflineProvider();
const input = {
  topic: "Cellular respiration",
  subject: "BIOLOGY" as const,
  difficulty: "BEGINNER" as const,
  sourceText: CELL_RESPIRATION_NOTES,
};

describe("offline provider on a student's notes", () => {
  it("builds a lesson whose key points are taken from the notes", async () => {
    const lesson = await generateLesson(input, provider);
    const notes = CELL_RESPIRATION_NOTES.replace(/\s+/g, " ");
    expect(lesson.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(lesson.keyPoints.length).toBeLessThanOrEqual(8);
    for (const point of lesson.keyPoints) {
      // Every key point is a (possibly shortened) span of the notes, not invented text.
      expect(notes).toContain(point.replace(/[.…]+$/, ""));
    }
    // Between the introduction and the recap, the narration is the notes' own sentences.
    const noteSentences = new Set(parseNotes(CELL_RESPIRATION_NOTES).sentences.map((s) => s.text));
    const body = splitNarration(lesson.script, lesson.keyPoints).points.flatMap((p) => splitSentences(p));
    expect(body.length).toBeGreaterThan(lesson.keyPoints.length);
    for (const sentence of body) expect(noteSentences).toContain(sentence);
  });

  it("gives strictly increasing timestamps inside the narration's duration", async () => {
    const lesson = await generateLesson(input, provider);
    const words = lesson.script.split(/\s+/).length;
    // ~150 words a minute (word splitting differs slightly from the pipeline's, hence the slack).
    expect(Math.abs(lesson.duration - (words / 150) * 60)).toBeLessThanOrEqual(3);
    expect(lesson.timestamps).toHaveLength(lesson.keyPoints.length);
    lesson.timestamps.forEach((t, i) => {
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThan(lesson.duration);
      if (i > 0) expect(t).toBeGreaterThan(lesson.timestamps[i - 1]);
    });
  });

  it("writes 4 to 6 explained quiz questions of more than one kind, each linked to its key point", async () => {
    const lesson = await generateLesson(input, provider);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
    expect(lesson.quiz.length).toBeLessThanOrEqual(6);
    expect(new Set(lesson.quiz.map((q) => inferKind(q.question, q.choices))).size).toBeGreaterThanOrEqual(2);
    const notes = CELL_RESPIRATION_NOTES.replace(/\s+/g, " ").toLowerCase();
    for (const q of lesson.quiz) {
      expect(q.choices.length).toBeGreaterThanOrEqual(2);
      expect(q.answerIndex).toBeLessThan(q.choices.length);
      expect(new Set(q.choices).size).toBe(q.choices.length);
      expect(q.explanation?.length).toBeGreaterThan(20);
      expect(q.keyPointIndex).toBeLessThan(lesson.keyPoints.length);
      expect(q.at).toBe(lesson.timestamps[q.keyPointIndex ?? -1]);
      expect(q.at).toBeLessThan(lesson.duration);
      if (q.question.startsWith("Fill in the blank: ")) {
        // The blank filled with the right answer is a sentence of the notes.
        const filled = q.question.replace("Fill in the blank: ", "").replace("_____", q.choices[q.answerIndex]);
        expect(notes).toContain(filled.toLowerCase().replace(/\.$/, ""));
      }
    }
    expect(lesson.tags).toContain("biology");
    expect(lesson.scriptSummary.length).toBeGreaterThan(20);
  });

  it("is deterministic for the same notes", async () => {
    const [a, b] = await Promise.all([generateLesson(input, provider), generateLesson(input, provider)]);
    expect(a).toEqual(b);
  });

  it("reads bullet-point notes: bullets are content, headings are not narrated", async () => {
    const lesson = await generateLesson(
      { topic: "The water cycle", subject: "GEOGRAPHY", difficulty: "BEGINNER", sourceText: WATER_CYCLE_BULLETS },
      provider,
    );
    expect(lesson.script).toMatch(/Transpiration is water vapour released/);
    expect(lesson.script).not.toMatch(/Key processes|Why it matters/);
    expect(lesson.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a topic without notes and says how to configure a model", async () => {
    const err = await generateLesson({ ...input, sourceText: null }, provider).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("config");
    expect((err as GenerationError).reason).toMatch(/LLM_MODEL_PATH/);
    expect((err as GenerationError).reason).toMatch(/LLM_BASE_URL/);
  });

  it("refuses notes too short to teach from", async () => {
    const err = await generateLesson({ ...input, sourceText: "Mitochondria make ATP." }, provider).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("quality");
  });

  it("rejects unsafe notes before building anything", async () => {
    const err = await generateLesson(
      { ...input, sourceText: `${CELL_RESPIRATION_NOTES}\nkill yourself` },
      provider,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("moderation");
  });

  it("handles 50 KB of notes in well under two seconds", async () => {
    const big = Array.from({ length: 25 }, (_, i) => CELL_RESPIRATION_NOTES.replace(/week 6/, `week ${i}`)).join("\n");
    expect(big.length).toBeGreaterThan(45_000);
    const started = performance.now();
    const lesson = await generateLesson({ ...input, sourceText: big.slice(0, 50_000) }, provider);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lesson.keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});
