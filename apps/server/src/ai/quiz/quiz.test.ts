// The quiz every provider's lesson gets from post-processing: answers spread over the positions (even when
// a model always puts the answer first), at least four explained questions of more than one kind, linked
// to the key point that answers them, with distractors taken from the lesson itself.
import { readFileSync } from "node:fs";
import type { QuizQuestion } from "@lm/core";
import { describe, expect, it } from "vitest";
import type { RawLesson } from "../lesson-schema.js";
import { postProcess } from "../postprocess.js";
import { buildOfflineLesson } from "../providers/offline/build-lesson.js";
import {
  CELL_BIOLOGY_UNIT3_NOTES,
  CELL_RESPIRATION_NOTES,
  FRENCH_REVOLUTION_BLOCKS,
  WATER_CYCLE_BULLETS,
} from "../providers/offline/sample-notes.js";
import { SAMPLE_SOURCES } from "../samples-data.js";
import { SAMPLE_SOURCES_2 } from "../samples-data-2.js";
import { contentStems } from "../text.js";
import { retimeQuiz } from "./build-quiz.js";
import { inferKind } from "./kinds.js";

const CELL_DIVISION_NOTES = readFileSync(
  new URL("../../../../../e2e/fixtures/cell-division-notes.txt", import.meta.url),
  "utf8",
);
const input = { topic: "Lesson", subject: "BIOLOGY" as const, difficulty: "BEGINNER" as const };

/** The samples as a careless model would send them: the right answer always first (issue 13's bug). */
const answerFirst: RawLesson[] = [...SAMPLE_SOURCES, ...SAMPLE_SOURCES_2].map((s) => ({
  ...s,
  quiz: s.quiz.map((q) => ({
    ...q,
    choices: [q.choices[q.answerIndex], ...q.choices.filter((_, i) => i !== q.answerIndex)],
    answerIndex: 0,
  })),
}));
const offline: RawLesson[] = [
  ["Cell biology", CELL_BIOLOGY_UNIT3_NOTES],
  ["Cellular respiration", CELL_RESPIRATION_NOTES],
  ["The French Revolution", FRENCH_REVOLUTION_BLOCKS],
  ["The water cycle", WATER_CYCLE_BULLETS],
  ["Cell division", CELL_DIVISION_NOTES],
].map(([topic, notes]) => buildOfflineLesson({ ...input, topic, notes }));

/** Many lessons: each source under ten titles (the seed), as ten students would name them. */
function manyQuizzes(sources: RawLesson[]): QuizQuestion[] {
  return sources.flatMap((raw) =>
    Array.from({ length: 10 }, (_, n) => postProcess({ ...raw, title: `${raw.title} (${n + 1})` }, input).quiz).flat(),
  );
}

function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe("answer positions", () => {
  const quiz = manyQuizzes([...answerFirst, ...offline]);

  it("are spread evenly over four choices across more than 200 questions", () => {
    expect(quiz.length).toBeGreaterThan(200);
    const four = quiz.filter((q) => q.choices.length === 4);
    expect(four.length).toBeGreaterThan(150);
    const counts = [0, 1, 2, 3].map((p) => four.filter((q) => q.answerIndex === p).length);
    // χ² with 3 degrees of freedom: 16.27 is the p = 0.001 critical value for a uniform spread.
    expect(chiSquare(counts)).toBeLessThan(16.27);
    for (const c of counts) expect(c / four.length).toBeGreaterThan(0.18);
  });

  it("make true and false answers about equally common", () => {
    const tf = quiz.filter((q) => inferKind(q.question, q.choices) === "true-false");
    expect(tf.length).toBeGreaterThan(30);
    const falses = tf.filter((q) => q.choices[q.answerIndex] === "False").length;
    expect(falses / tf.length).toBeGreaterThan(0.3);
    expect(falses / tf.length).toBeLessThan(0.7);
  });

  it("use different positions within one lesson, and the same ones every time for the same lesson", () => {
    for (const raw of answerFirst) {
      const a = postProcess(raw, input).quiz;
      expect(new Set(a.filter((q) => q.choices.length > 2).map((q) => q.answerIndex)).size).toBeGreaterThan(1);
      expect(postProcess(raw, input).quiz).toEqual(a);
    }
  });
});

describe("quiz content", () => {
  it("keeps a model's questions, with their answer still right after the shuffle", () => {
    const raw = answerFirst[0];
    const quiz = postProcess(raw, input).quiz;
    for (const q of raw.quiz) {
      const kept = quiz.find((k) => k.question === q.question);
      expect(kept?.choices[kept.answerIndex]).toBe(q.choices[0]);
      expect(new Set(kept?.choices)).toEqual(new Set(q.choices));
    }
  });

  it.each(offline.map((raw) => [raw.title, raw] as const))(
    "%s: at least 4 explained questions of several kinds, each at its key point's second",
    (_title, raw) => {
      const lesson = postProcess(raw, input);
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
      expect(new Set(lesson.quiz.map((q) => inferKind(q.question, q.choices))).size).toBeGreaterThanOrEqual(2);
      for (const q of lesson.quiz) {
        expect(q.explanation).toMatch(/^(True|False|The lesson says)/);
        expect(q.at).toBe(lesson.timestamps[q.keyPointIndex ?? -1]);
        expect(q.at).toBeLessThan(lesson.duration);
        // Every choice is made of the lesson's own words: its facts and terms, not random words.
        const scriptStems = new Set(contentStems(lesson.script));
        for (const choice of q.choices) {
          if (choice === "True" || choice === "False") continue;
          for (const s of contentStems(choice)) expect(scriptStems, `${s} in "${choice}"`).toContain(s);
        }
      }
    },
  );

  it("asks the issue's notes in at least three different ways", () => {
    const lesson = postProcess(offline[0], input);
    expect(new Set(lesson.quiz.map((q) => inferKind(q.question, q.choices))).size).toBeGreaterThanOrEqual(3);
    // No blank is trivial: the blanked word does not appear elsewhere in its question.
    for (const q of lesson.quiz.filter((x) => x.question.startsWith("Fill in the blank"))) {
      expect(q.question.toLowerCase()).not.toContain(q.choices[q.answerIndex].toLowerCase());
    }
  });

  it("tops up a model's two questions to four, explains them and links them to the key point it named", () => {
    const raw = {
      ...SAMPLE_SOURCES[0],
      // The model numbered its key points in its own order: 4 is "The Calvin cycle uses ATP and NADPH…".
      quiz: [{ ...SAMPLE_SOURCES[0].quiz[1], keyPoint: 4 }, SAMPLE_SOURCES[0].quiz[0]],
    };
    const lesson = postProcess(raw, input);
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
    const stroma = lesson.quiz.find((q) => q.question.startsWith("Where in the chloroplast"));
    expect(lesson.keyPoints[stroma?.keyPointIndex ?? -1]).toMatch(/^The Calvin cycle/);
    const gas = lesson.quiz.find((q) => q.question.startsWith("Which gas"));
    // No explanation came with it: the lesson's sentence that answers it is quoted.
    expect(gas?.explanation).toMatch(/^The lesson says: .*oxygen/i);
    expect(lesson.keyPoints[gas?.keyPointIndex ?? -1]).toMatch(/light-dependent reactions/);
  });

  it("moves every question's moment when the key points' timestamps are replaced", () => {
    const lesson = postProcess(offline[0], input);
    const measured = lesson.timestamps.map((t, i) => t + 3 + i);
    const retimed = retimeQuiz(lesson.quiz, measured);
    retimed.forEach((q, i) => {
      expect(q.at).toBe(measured[lesson.quiz[i].keyPointIndex ?? -1]);
      expect(q.at).not.toBe(lesson.quiz[i].at);
    });
  });
});
