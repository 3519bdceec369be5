// Parses body, query or params with a schema from @lm/core; failures become 400 validation_error.
import { fieldErrors } from "@lm/core";
import type { z } from "zod";
import { AppError } from "./errors.js";

export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: "body" | "query" | "params" = "body",
): z.output<S> {
  const result = schema.safeParse(input ?? (where === "body" ? {} : input));
  if (!result.success) {
    const errors = fieldErrors(result.error);
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
    throw new AppError("validation_error", `Invalid ${where}: ${detail}`, { errors });
  }
  return result.data;
}
