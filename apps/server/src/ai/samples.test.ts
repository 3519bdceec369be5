// The sample lessons meet the same bar as generated ones: contract shape, quality checks, and
// post-processing leaves them unchanged.
import { Difficulty, QuizQuestion, Subject } from "@lm/core";
import { describe, expect, it } from "vitest";
import { postProcess } from "./postprocess.js";
import { checkQuality } from "./quality.js";
import { SAMPLE_LESSONS } from "./samples.js";
import { wordCount } from "./text.js";

describe("sample lessons", () => {
  it("are six lessons across six subjects", () => {
    expect(SAMPLE_LESSONS).toHaveLength(6);
    expect(new Set(SAMPLE_LESSONS.map((s) => s.subject)).size).toBe(6);
  });

  it.each(SAMPLE_LESSONS.map((s) => [s.topic, s] as const))("%s is complete and valid", (_topic, s) => {
    expect(Subject.safeParse(s.subject).success).toBe(true);
    expect(Difficulty.safeParse(s.difficulty).success).toBe(true);
    const words = wordCount(s.script);
    expect(words).toBeGreaterThanOrEqual(150);
    expect(words).toBeLessThanOrEqual(400);
    expect(s.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(s.keyPoints.length).toBeLessThanOrEqual(6);
    expect(s.timestamps).toHaveLength(s.keyPoints.length);
    s.timestamps.forEach((t, i) => {
      expect(Number.isInteger(t) && t >= 0 && t < s.duration).toBe(true);
      if (i > 0) expect(t).toBeGreaterThan(s.timestamps[i - 1]);
    });
    // The three hand-written questions, topped up with the lesson's own, each explained and placed.
    expect(s.quiz.length).toBeGreaterThanOrEqual(4);
    expect(s.quiz.length).toBeLessThanOrEqual(6);
    for (const q of s.quiz) {
      expect(QuizQuestion.safeParse(q).success).toBe(true);
      expect(q.answerIndex).toBeLessThan(q.choices.length);
      expect(q.explanation).toBeTruthy();
      expect(q.at).toBe(s.timestamps[q.keyPointIndex ?? -1]);
    }
    expect(() => checkQuality(s, s)).not.toThrow();
    expect(postProcess(s, s)).toEqual({
      title: s.title,
      script: s.script,
      scriptSummary: s.scriptSummary,
      keyPoints: s.keyPoints,
      timestamps: s.timestamps,
      duration: s.duration,
      tags: s.tags,
      quiz: s.quiz,
    });
  });
});
