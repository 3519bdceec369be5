// Post-processing rules that every provider's output goes through.
import { describe, expect, it } from "vitest";
import { dedupeKeyPoints, narrationSeconds, normaliseTimestamps, postProcess } from "./postprocess.js";

function assertValidTimestamps(ts: number[], duration: number): void {
  ts.forEach((t, i) => {
    expect(Number.isInteger(t)).toBe(true);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThan(duration);
    if (i > 0) expect(t).toBeGreaterThan(ts[i - 1]);
  });
}

describe("normaliseTimestamps", () => {
  it.each([
    [[0, 10, 20], 30],
    [[5, 5, 5, 5], 30],
    [[40, 50, 60], 30],
    [[2.7, 1.2, 9.9, Number.NaN], 10],
    [[0, 1, 2, 3, 4], 5],
    [[-3, 100], 2],
  ])("makes %j strictly increasing inside %i s", (raw, duration) => {
    const ts = normaliseTimestamps(raw, duration);
    expect(ts).toHaveLength(raw.length);
    assertValidTimestamps(ts, duration);
  });

  it("keeps already-valid timestamps unchanged", () => {
    expect(normaliseTimestamps([0, 12, 30], 60)).toEqual([0, 12, 30]);
  });
});

describe("dedupeKeyPoints", () => {
  it("drops duplicates, near-duplicates, bullets and empties", () => {
    const out = dedupeKeyPoints([
      "- Plants make glucose from light.",
      "plants make glucose from light",
      "Plants make glucose from light energy!",
      "  ",
      "Chlorophyll absorbs red and blue light.",
    ]);
    expect(out).toEqual(["Plants make glucose from light.", "Chlorophyll absorbs red and blue light."]);
  });
});

describe("postProcess", () => {
  const script = Array.from({ length: 30 }, (_, i) => `Sentence ${i} talks about topic${i} in some detail here.`).join(
    " ",
  );
  it("orders key points by narration, bounds counts and fixes quiz answers", () => {
    const lesson = postProcess(
      {
        title: "  A   title ",
        scriptSummary: "",
        script,
        keyPoints: [
          "topic20 matters",
          "topic2 matters",
          "topic9 matters",
          ...Array.from({ length: 8 }, (_, i) => `extra point number${i}`),
        ],
        tags: ["#Biology", "biology", "Cells"],
        quiz: [
          { question: "Which is right?", choices: ["a", "b", "a"], answerIndex: 1 },
          { question: "Out of range?", choices: ["a", "b"], answerIndex: 5 },
          { question: "Too many choices?", choices: ["1", "2", "3", "4", "5", "6", "7"], answerIndex: 6 },
        ],
      },
      { topic: "Topics", subject: "BIOLOGY", difficulty: "BEGINNER" },
    );
    expect(lesson.title).toBe("A title");
    expect(lesson.scriptSummary.length).toBeGreaterThan(20);
    expect(lesson.keyPoints).toHaveLength(8);
    expect(lesson.keyPoints.indexOf("topic2 matters")).toBeLessThan(lesson.keyPoints.indexOf("topic9 matters"));
    expect(lesson.keyPoints.indexOf("topic9 matters")).toBeLessThan(lesson.keyPoints.indexOf("topic20 matters"));
    expect(lesson.duration).toBe(narrationSeconds(script));
    assertValidTimestamps(lesson.timestamps, lesson.duration);
    expect(lesson.tags).toEqual(["biology", "cells"]);
    // The out-of-range answer is dropped; the others keep their right answer wherever it was shuffled to.
    expect(lesson.quiz.find((q) => q.question === "Out of range?")).toBeUndefined();
    const right = lesson.quiz.find((q) => q.question === "Which is right?");
    expect(right?.choices.slice().sort()).toEqual(["a", "b"]);
    expect(right?.choices[right.answerIndex]).toBe("b");
    const many = lesson.quiz.find((q) => q.question === "Too many choices?");
    expect(many?.choices).toHaveLength(5);
    expect(many?.choices[many.answerIndex]).toBe("7");
  });
});
