// Rewording one key point with the model (issue 17 item 6): a creator whose key point students
// reported asks for a new wording of that point alone, grounded in the lesson's notes (or its script
// when it has none). The answer passes the same gates as a generated lesson's key points: the JSON
// schema, clean-up and dedupe, readable language, grounding in the source, and moderation.
import { SUBJECT_LABELS, type Subject } from "@lm/core";
import { GenerationError, abortReason } from "./errors.js";
import { LIMITS } from "./lesson-schema.js";
import { recordLlmRequest } from "./metrics.js";
import { moderateText, secondOpinion } from "./moderation.js";
import { dedupeKeyPoints } from "./postprocess.js";
import { NOTES_BUDGET_CHARS } from "./prompts/build-prompt.js";
import { condenseNotes } from "./providers/offline/summarise.js";
import type { LlmProvider } from "./providers/types.js";
import { overlapRatio, wordLikeRatio } from "./quality.js";
import { cleanText } from "./text.js";

export interface KeyPointRequest {
  topic: string;
  subject: Subject;
  keyPoints: readonly string[];
  index: number;
  /** The lesson's notes, or its narration script when it was made from a topic alone. */
  source: string;
  /** What students said was wrong (already moderated reasons only). */
  reasons: readonly string[];
}

/** Below this share of the new wording's content words found in the source it is not grounded. */
const MIN_GROUNDING = 0.5;

const schema = {
  type: "object",
  properties: { keyPoint: { type: "string", maxLength: LIMITS.keyPoint.max } },
  required: ["keyPoint"],
  additionalProperties: false,
} as const;

const SYSTEM =
  "You are a careful teacher correcting one key point of a short lesson. Students reported it as " +
  "inaccurate. Write one corrected key point: a single factual sentence of at most 25 words, taken " +
  "only from the source text, different from the other key points. Answer in JSON.";

function buildPrompt(req: KeyPointRequest): string {
  const lines = [
    `Topic: ${cleanText(req.topic)}`,
    `Subject: ${SUBJECT_LABELS[req.subject]}`,
    "",
    "Source text (the only source of truth):",
    '"""',
    condenseNotes(req.source, NOTES_BUDGET_CHARS),
    '"""',
    "",
    "The lesson's key points:",
    ...req.keyPoints.map((k, i) => `${i + 1}. ${k}${i === req.index ? "   <- reported as inaccurate" : ""}`),
  ];
  if (req.reasons.length > 0) lines.push("", "What students said is wrong:", ...req.reasons.map((r) => `- ${r}`));
  lines.push("", `Write a corrected key point ${req.index + 1} now.`);
  return lines.join("\n");
}

function fail(reason: string): never {
  throw new GenerationError("quality", reason, false);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The quality gate for one key point: the checks a generated lesson's key points pass, for one. */
export function checkKeyPoint(raw: string, req: KeyPointRequest): string {
  const [text] = dedupeKeyPoints([raw]);
  if (!text) fail("The AI model's new key point was empty or too short.");
  if (wordLikeRatio(text) < 0.7) fail("The AI model's new key point was not readable text.");
  if (norm(text) === norm(req.keyPoints[req.index] ?? "")) fail("The AI model wrote the reported key point again.");
  const others = req.keyPoints.filter((_, i) => i !== req.index);
  if (dedupeKeyPoints([...others, text]).length <= others.length) {
    fail("The AI model's new key point repeats another key point of the lesson.");
  }
  if (overlapRatio(text, req.source) < MIN_GROUNDING) {
    fail("The AI model's new key point was not grounded in the lesson's notes.");
  }
  return text;
}

export async function rewordKeyPoint(
  req: KeyPointRequest,
  provider: LlmProvider,
  opts: { signal?: AbortSignal } = {},
): Promise<string> {
  const started = performance.now();
  let json: unknown;
  try {
    const result = await provider.generateJson({
      task: "key-point",
      system: SYSTEM,
      prompt: buildPrompt(req),
      schema,
      schemaName: "key_point",
      maxTokens: 120,
      temperature: 0.3,
      signal: opts.signal,
    });
    recordLlmRequest(provider.name, provider.model, (performance.now() - started) / 1000, result.usage);
    json = result.json;
  } catch (err) {
    const aborted = abortReason(opts.signal);
    if (aborted) throw aborted;
    if (err instanceof GenerationError) throw err;
    throw new GenerationError("model", "The AI model failed while rewriting the key point; please try again.", true, {
      cause: err,
    });
  }
  const raw = (json as { keyPoint?: unknown } | null)?.keyPoint;
  if (typeof raw !== "string") throw new GenerationError("validation", "The AI model's answer had no key point.", true);
  const text = checkKeyPoint(raw, req);
  let verdict = moderateText(text);
  if (verdict.status === "FLAGGED") verdict = await secondOpinion(text, provider);
  if (verdict.status === "REJECTED") fail("The AI model's new key point contained unsuitable content.");
  return text;
}
