// A failed request's problem+json `errors[]` as one message per form field, for web and mobile forms.
import { ApiError } from "./client.js";

export type FieldMessages = Record<string, string>;

/**
 * The server's per-field messages, the first per field; empty when the error was not a validation
 * failure (the caller then shows one message for the whole form). `reword` lets a client soften
 * zod's built-in wording.
 */
export function problemFieldMessages(error: unknown, reword: (message: string) => string = (m) => m): FieldMessages {
  const out: FieldMessages = {};
  if (error instanceof ApiError) for (const e of error.errors) out[e.path] ??= reword(e.message);
  return out;
}
