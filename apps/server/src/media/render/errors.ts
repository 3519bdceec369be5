// Why a video could not be made: a closed set of codes (clients may branch on them) with a
// sentence for people. The lesson itself stays published whatever happens here.
import type { MediaFailureCode } from "@lm/core";

// The codes live in core (MEDIA_FAILURE_CODES), where the API schema and the clients read them.
export type { MediaFailureCode };

export class RenderError extends Error {
  constructor(
    readonly code: MediaFailureCode,
    message: string,
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "RenderError";
  }
}
