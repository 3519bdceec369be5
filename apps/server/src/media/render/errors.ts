// Why a video could not be made: a closed set of codes (clients may branch on them) with a
// sentence for people. The lesson itself stays published whatever happens here.
import type { SpeechFailureCode } from "./tts/types.js";

export type MediaFailureCode =
  | SpeechFailureCode
  | "render_disabled"
  | "speech_unavailable"
  | "encoder_unavailable"
  | "encode_failed"
  | "render_failed";

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
