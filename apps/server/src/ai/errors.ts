// The one error the generation pipeline throws. `reason` is shown to the student as the video's
// failureReason, so it is one plain sentence with no stack traces or model jargon.
export type GenerationStep = "moderation" | "config" | "model" | "validation" | "quality";

export class GenerationError extends Error {
  constructor(
    readonly step: GenerationStep,
    readonly reason: string,
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = "GenerationError";
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
