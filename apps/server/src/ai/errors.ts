// The one error the generation pipeline throws. `reason` is shown to the student as the video's
// failureReason, so it is one plain sentence with no stack traces or model jargon; `code` is the
// video's failureCode, what clients branch on.
import type { VideoFailureCode } from "@lm/core";

export type GenerationStep = "moderation" | "config" | "model" | "validation" | "quality";

/** The failure code a step's error carries unless the thrower names a finer one (no_model). */
const STEP_CODES: Record<GenerationStep, VideoFailureCode> = {
  moderation: "moderation_rejected",
  config: "model_unavailable",
  model: "model_failed",
  validation: "invalid_lesson",
  quality: "low_quality",
};

export class GenerationError extends Error {
  readonly code: VideoFailureCode;

  constructor(
    readonly step: GenerationStep,
    readonly reason: string,
    readonly retryable = false,
    options?: { cause?: unknown; code?: VideoFailureCode },
  ) {
    super(reason, options);
    this.name = "GenerationError";
    this.code = options?.code ?? STEP_CODES[step];
  }
}

export function isGenerationError(err: unknown): err is GenerationError {
  return err instanceof GenerationError;
}

/** Thrown when the caller aborted; the queue should neither retry nor mark the video failed. */
export function abortReason(signal: AbortSignal | undefined): GenerationError | null {
  if (!signal?.aborted) return null;
  return new GenerationError("model", "The lesson generation was cancelled.", true, { cause: signal.reason });
}
