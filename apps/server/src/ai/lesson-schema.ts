// The shape we ask a model for, twice: as JSON Schema for constrained decoding (every string and
// array is bounded so a grammar-constrained model always reaches the closing brace), and as zod
// for validating whatever comes back. The lesson is asked for in teaching order: an introduction,
// one section per key point (the point, its explanation, an example), a recap, and an explained quiz.
import { z } from "zod";
import { assembleNarration } from "./narration.js";
import type { JsonSchema } from "./providers/types.js";

export const LIMITS = {
  title: { min: 3, max: 100 },
  summary: { min: 20, max: 500 },
  script: { minWords: 40, maxWords: 700 },
  keyPoint: { min: 3, max: 160 },
  keyPoints: { min: 3, max: 8 },
  tag: { max: 32 },
  tags: { max: 8 },
  question: { min: 5, max: 200 },
  choice: { max: 120 },
  choices: { min: 2, max: 5 },
  explanation: { max: 320 },
  /** At least 4 questions of more than one kind; post-processing writes what a provider left out. */
  quiz: { min: 4, max: 6 },
  wordsPerMinute: 150,
} as const;

/** Most key points (sections) a model may write; the schema's enums below count up to it. */
const MODEL_SECTIONS = 6;

/**
 * Output-token budget for one lesson. The schema's bounds add up to ~9,500 characters at most (the
 * sections ~5,300, the quiz ~3,000); English BPE averages ~4 characters a token, so 3,600 covers the
 * worst case with room for JSON punctuation, and the prompt (≤ ~2,500 tokens with condensed notes)
 * plus this still fits an 8k context.
 */
export const LESSON_MAX_TOKENS = 3600;

export const lessonJsonSchema = {
  type: "object",
  properties: {
    title: { type: "string", maxLength: LIMITS.title.max, description: "a short, specific lesson title" },
    scriptSummary: { type: "string", maxLength: 400, description: "two sentences summarising the lesson" },
    intro: {
      type: "string",
      maxLength: 300,
      description: "one or two spoken sentences: what the lesson covers and why it matters",
    },
    sections: {
      type: "array",
      minItems: LIMITS.keyPoints.min,
      maxItems: MODEL_SECTIONS,
      description: "one section per key point, in teaching order, together covering all of the student's notes",
      items: {
        type: "object",
        properties: {
          keyPoint: { type: "string", maxLength: 140, description: "the key point as one short sentence" },
          explanation: {
            type: "string",
            maxLength: 500,
            description: "two to four spoken sentences that explain the key point (it is read just before them)",
          },
          example: { type: "string", maxLength: 250, description: "one concrete example of the key point" },
        },
        required: ["keyPoint", "explanation", "example"],
        additionalProperties: false,
      },
    },
    recap: {
      type: "string",
      maxLength: 350,
      description: "starts with 'To recap', restates the key points in order",
    },
    tags: { type: "array", items: { type: "string", maxLength: 24 }, minItems: 1, maxItems: 5 },
    quiz: {
      type: "array",
      minItems: 3,
      maxItems: 4,
      items: {
        type: "object",
        properties: {
          question: { type: "string", maxLength: 160 },
          choices: { type: "array", items: { type: "string", maxLength: 80 }, minItems: 3, maxItems: 4 },
          answerIndex: { enum: [0, 1, 2, 3] },
          explanation: { type: "string", maxLength: 200, description: "why the answer is right, from the lesson" },
          keyPoint: {
            enum: Array.from({ length: MODEL_SECTIONS }, (_, i) => i),
            description: "the index of the section that answers it",
          },
        },
        required: ["question", "choices", "answerIndex", "explanation", "keyPoint"],
        additionalProperties: false,
      },
    },
  },
  required: ["title", "scriptSummary", "intro", "sections", "recap", "tags", "quiz"],
  additionalProperties: false,
} as const satisfies JsonSchema;

const RawQuizQuestion = z.object({
  question: z.string(),
  choices: z.array(z.string()),
  answerIndex: z.number().int(),
  explanation: z.string().optional(),
  /** Index of the key point (section) the question tests, as the provider numbered them. */
  keyPoint: z.number().int().optional(),
  /** The same, as stored on a processed lesson (a stored lesson can be processed again). */
  keyPointIndex: z.number().int().optional(),
});
export type RawQuizQuestion = z.infer<typeof RawQuizQuestion>;

const common = {
  title: z.string(),
  scriptSummary: z.string(),
  tags: z.array(z.string()).default([]),
  quiz: z.array(RawQuizQuestion).default([]),
};

/** The teaching-order shape the schema asks for (and the offline builder writes). */
export const StructuredLesson = z.object({
  ...common,
  intro: z.string(),
  sections: z
    .array(z.object({ keyPoint: z.string(), explanation: z.string(), example: z.string().default("") }))
    .min(1),
  recap: z.string(),
});
export type StructuredLesson = z.infer<typeof StructuredLesson>;

/** A finished script with its key points: hand-written samples, stored lessons, older providers. */
export const ScriptLesson = z.object({
  ...common,
  script: z.string(),
  keyPoints: z.array(z.string()).min(1),
});
export type ScriptLesson = z.infer<typeof ScriptLesson>;

/** What we accept from a provider: looser than the schema (lengths are enforced after clean-up). */
export const RawLesson = z.union([StructuredLesson, ScriptLesson]);
export type RawLesson = z.infer<typeof RawLesson>;

/** Either shape as a script with key points; a structured lesson's quiz indexes still match its sections. */
export function toScriptLesson(raw: RawLesson): ScriptLesson {
  if ("script" in raw) return raw;
  return {
    title: raw.title,
    scriptSummary: raw.scriptSummary,
    tags: raw.tags,
    quiz: raw.quiz,
    script: assembleNarration(raw.intro, raw.sections, raw.recap),
    keyPoints: raw.sections.map((s) => s.keyPoint),
  };
}
