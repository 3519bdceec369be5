// The shape we ask a model for, twice: as JSON Schema for constrained decoding (every string and
// array is bounded so a grammar-constrained model always reaches the closing brace), and as zod
// for validating whatever comes back.
import { z } from "zod";
import type { JsonSchema } from "./providers/types.js";

export const LIMITS = {
  title: { min: 3, max: 100 },
  summary: { min: 20, max: 500 },
  script: { minWords: 40, maxWords: 700, maxChars: 3200 },
  keyPoint: { min: 3, max: 160 },
  keyPoints: { min: 3, max: 8 },
  tag: { max: 32 },
  tags: { max: 8 },
  question: { min: 5, max: 200 },
  choice: { max: 120 },
  choices: { min: 2, max: 5 },
  quiz: { min: 2, max: 5 },
  wordsPerMinute: 150,
} as const;

/**
 * Output-token budget for one lesson. The schema's bounds add up to ~6,400 characters at most;
 * English BPE averages ~4 characters a token, so 3,200 leaves twice the typical need, and the
 * prompt (≤ ~2,500 tokens with condensed notes) plus this still fits an 8k context.
 */
export const LESSON_MAX_TOKENS = 3200;

export const lessonJsonSchema = {
  type: "object",
  properties: {
    title: { type: "string", maxLength: LIMITS.title.max, description: "a short, specific lesson title" },
    scriptSummary: { type: "string", maxLength: 400, description: "two sentences summarising the lesson" },
    script: {
      type: "string",
      maxLength: LIMITS.script.maxChars,
      description: "the narration, 150 to 400 words, in plain sentences",
    },
    keyPoints: {
      type: "array",
      items: { type: "string", maxLength: 140 },
      minItems: LIMITS.keyPoints.min,
      maxItems: 6,
      description: "the main ideas in the order the narration covers them",
    },
    tags: { type: "array", items: { type: "string", maxLength: 24 }, minItems: 1, maxItems: 5 },
    quiz: {
      type: "array",
      minItems: LIMITS.quiz.min,
      maxItems: 3,
      items: {
        type: "object",
        properties: {
          question: { type: "string", maxLength: 160 },
          choices: { type: "array", items: { type: "string", maxLength: 80 }, minItems: 3, maxItems: 4 },
          answerIndex: { enum: [0, 1, 2, 3] },
        },
        required: ["question", "choices", "answerIndex"],
        additionalProperties: false,
      },
    },
  },
  required: ["title", "scriptSummary", "script", "keyPoints", "tags", "quiz"],
  additionalProperties: false,
} as const satisfies JsonSchema;

/** What we accept from a provider: looser than the schema (lengths are enforced after clean-up). */
export const RawLesson = z.object({
  title: z.string(),
  scriptSummary: z.string(),
  script: z.string(),
  keyPoints: z.array(z.string()).min(1),
  tags: z.array(z.string()).default([]),
  quiz: z
    .array(
      z.object({
        question: z.string(),
        choices: z.array(z.string()),
        answerIndex: z.number().int(),
      }),
    )
    .default([]),
});
export type RawLesson = z.infer<typeof RawLesson>;
