// Speech for a lesson's narration, behind one interface: espeak-ng offline, or any
// OpenAI-compatible /v1/audio/speech server. Each call speaks one segment and returns audio bytes
// (WAV preferred); decoding, measuring and rejecting garbage is the caller's (see speech.ts).

export interface Tts {
  /** "espeak-ng" or "openai" (shown in logs and failure reasons). */
  readonly name: string;
  readonly voice: string;
  /** The longest text one request may carry; longer segments are spoken in sentence groups. */
  readonly maxChars: number;
  synthesize(text: string, signal?: AbortSignal): Promise<Buffer>;
}

export type SpeechFailureCode = "speech_failed" | "speech_bad_audio";

/** A speech failure with a reason a student or an operator can act on. */
export class TtsError extends Error {
  constructor(
    readonly code: SpeechFailureCode,
    message: string,
    /** Worth another try later (timeouts, 5xx); a refusal or garbage audio is not. */
    readonly retryable: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "TtsError";
  }
}
