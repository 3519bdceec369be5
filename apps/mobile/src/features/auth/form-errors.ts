// Field errors for forms, from the shared zod schemas (before sending) or the server's problem details.
import { fieldErrors, problemFieldMessages } from "@lm/core";
import { errorMessage } from "../../lib/query-client";

export type Errors = Record<string, string>;

export function zodErrors(error: Parameters<typeof fieldErrors>[0]): Errors {
  const out: Errors = {};
  for (const e of fieldErrors(error)) out[e.path] ??= e.message;
  return out;
}

/** Splits a failed request into per-field messages and one message for the whole form. */
export function apiErrors(error: unknown): { fields: Errors; form: string } {
  const fields = problemFieldMessages(error);
  return { fields, form: Object.keys(fields).length > 0 ? "" : errorMessage(error) };
}
