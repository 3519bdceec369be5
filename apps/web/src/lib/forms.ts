// Form helpers: validate with the same zod schema the server uses, and merge the server's own
// field errors (problem+json `errors[]`) so both appear next to the field they belong to.
import { problemFieldMessages } from "@lm/core";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { errorMessage } from "./errors";

export type FieldErrors = Record<string, string>;

export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string") out[key] = value;
  return out;
}

/** zod's built-in messages ("Too small: expected string to have >=1 characters") in plain words;
 * messages the schema wrote itself ("Use at least 8 characters") are kept. */
export function friendlyMessage(issue: z.core.$ZodIssue): string {
  const generic = /^(Too small|Too big|Invalid)/.test(issue.message);
  if (!generic) return issue.message;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "This is required." : `Use at least ${issue.minimum} characters.`;
      if (issue.origin === "array") return `Choose at least ${issue.minimum}.`;
      return `Use ${issue.minimum} or more.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
      if (issue.origin === "array") return `Choose at most ${issue.maximum}.`;
      return `Use ${issue.maximum} or less.`;
    case "invalid_format":
      return issue.format === "email"
        ? "Enter a valid email address, like name@example.com."
        : "This doesn't look right.";
    case "invalid_value":
      return "Choose one of the options.";
    case "invalid_type":
      return issue.input === undefined ? "This is required." : "This doesn't look right.";
    default:
      return "This doesn't look right.";
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    out[path] ??= friendlyMessage(issue);
  }
  return out;
}

export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(data);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: zodFieldErrors(result.error) };
}

/** The server validates with zod too; its built-in messages get the same plain words. */
export function friendlyServerMessage(message: string): string {
  const small = message.match(/^Too small: expected string to have >=?(\d+) characters?/);
  if (small) return Number(small[1]) <= 1 ? "This is required." : `Use at least ${small[1]} characters.`;
  const big = message.match(/^Too big: expected string to have <=?(\d+) characters?/);
  if (big) return `Use at most ${big[1]} characters.`;
  if (/^Invalid email/i.test(message)) return "Enter a valid email address, like name@example.com.";
  if (/^Invalid option/i.test(message)) return "Choose one of the options.";
  return message;
}

/** The server's per-field messages; empty when the error was not a validation failure. */
export function serverFieldErrors(error: unknown): FieldErrors {
  return problemFieldMessages(error, friendlyServerMessage);
}

/**
 * The submit cycle the app's forms share: read the form, validate with the contract's schema, send,
 * and show the server's answer where it belongs — its field errors next to their fields, anything
 * else above the form. `send` returns normally on success; what it throws is shown.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, send: (data: z.output<S>) => Promise<unknown>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(schema, formValues(e.currentTarget));
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    try {
      await send(parsed.data);
    } catch (err) {
      const fields = serverFieldErrors(err);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorMessage(err));
    }
  }

  return { errors, formError, onSubmit };
}
