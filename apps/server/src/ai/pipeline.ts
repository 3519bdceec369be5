// The lesson pipeline: moderate the request → pick the template → enrich with notes and guidance →
// constrained model call → post-process → quality checks. Storage, thumbnails and publishing are
// the job handler's; this module only turns a request into a Lesson or a GenerationError.
import { GenerationError, abortReason } from "./errors.js";
import { LESSON_MAX_TOKENS, RawLesson, lessonJsonSchema } from "./lesson-schema.js";
import { recordLlmRequest } from "./metrics.js";
import { moderateText, secondOpinion } from "./moderation.js";
import { postProcess } from "./postprocess.js";
import { buildLessonPrompt } from "./prompts/build-prompt.js";
import { checkQuality } from "./quality.js";
import type { JsonResult, LlmProvider } from "./providers/types.js";
import type { Lesson, LessonInput } from "./types.js";

export { GenerationError } from "./errors.js";
export type { LlmProvider } from "./providers/types.js";
export type { Lesson, LessonInput } from "./types.js";

async function moderateInput(input: LessonInput, provider: LlmProvider): Promise<void> {
  const text = [input.topic, input.sourceText ?? ""].join("\n");
  let verdict = moderateText(text);
  if (verdict.status === "FLAGGED") {
    // Show the judge the topic and the flagged passages, not 50 KB of notes it would truncate.
    const flagged = text.split(/\n+|(?<=[.!?])\s+/).filter((s) => moderateText(s).status !== "APPROVED");
    verdict = await secondOpinion([input.topic, ...flagged].join("\n").slice(0, 4000), provider);
  }
  if (verdict.status === "REJECTED") {
    throw new GenerationError("moderation", verdict.reason ?? "Your request was rejected by moderation.");
  }
}

async function callModel(input: LessonInput, provider: LlmProvider, signal?: AbortSignal): Promise<JsonResult> {
  const { system, prompt } = buildLessonPrompt(input);
  const started = performance.now();
  try {
    const result = await provider.generateJson({
      task: "lesson",
      system,
      prompt,
      schema: lessonJsonSchema,
      schemaName: "study_lesson",
      maxTokens: LESSON_MAX_TOKENS,
      temperature: 0.4,
      signal,
      material: {
        topic: input.topic,
        subject: input.subject,
        difficulty: input.difficulty,
        notes: input.sourceText ?? null,
      },
    });
    recordLlmRequest(provider.name, provider.model, (performance.now() - started) / 1000, result.usage);
    return result;
  } catch (err) {
    recordLlmRequest(provider.name, provider.model, (performance.now() - started) / 1000, {
      inputTokens: 0,
      outputTokens: 0,
    });
    const aborted = abortReason(signal);
    if (aborted) throw aborted;
    if (err instanceof GenerationError) throw err;
    throw new GenerationError("model", "The AI model failed while writing the lesson; please try again.", true, {
      cause: err,
    });
  }
}

export async function generateLesson(
  input: LessonInput,
  provider: LlmProvider,
  opts: { signal?: AbortSignal } = {},
): Promise<Lesson> {
  await moderateInput(input, provider);
  const result = await callModel(input, provider, opts.signal);
  const parsed = RawLesson.safeParse(result.json);
  if (!parsed.success) {
    throw new GenerationError("validation", "The AI model's answer was not a complete lesson.", true, {
      cause: parsed.error,
    });
  }
  const lesson = postProcess(parsed.data, input);
  checkQuality(lesson, input);
  return lesson;
}
