// One check on every parsed body and query before any handler (or the idempotency hash) sees it:
// text PostgreSQL cannot store, and nesting deeper than any schema, are a 400 naming the field.
import type { FieldError } from "@lm/core";
import type { RequestHandler } from "express";
import { AppError } from "./errors.js";

/** No request schema nests more than a few levels; 32 leaves room and stops recursion bombs. */
export const MAX_DEPTH = 32;
// With the u flag a valid surrogate pair is one code point, so this matches lone halves only.
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(s: string): string | null {
  if (s.includes("\u0000")) return "Must not contain a NUL character";
  if (LONE_SURROGATE.test(s)) return "Must be valid Unicode text (it contains a lone surrogate)";
  return null;
}

/**
 * The first unstorable string (value or key) or over-deep node in `root`, or null. Iterative, so
 * a 100,000-level document costs a loop, not the stack.
 */
export function findUnsafeValue(root: unknown, rootName: string): FieldError | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const where = path.join(".") || rootName;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return { path: where, message: problem };
    } else if (value !== null && typeof value === "object") {
      if (path.length >= MAX_DEPTH) return { path: rootName, message: `Nested more than ${MAX_DEPTH} levels deep` };
      for (const [key, child] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem) return { path: [...path, key].join("."), message: `Field name: ${problem}` };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

export const rejectUnsafeInput: RequestHandler = (req, _res, next) => {
  const inQuery = findUnsafeValue(req.query, "(query)");
  // Text bodies (calendar uploads) are checked line by line by their own parser.
  const inBody = typeof req.body === "object" ? findUnsafeValue(req.body, "(body)") : null;
  const found = inQuery ? { where: "query", error: inQuery } : inBody ? { where: "body", error: inBody } : null;
  if (found) {
    const { where, error } = found;
    throw new AppError("validation_error", `Invalid ${where}: ${error.path}: ${error.message}`, { errors: [error] });
  }
  next();
};
