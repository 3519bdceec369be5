// The one error type services throw. Routes never build error responses by hand.
import type { FieldError } from "@lm/core";

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Finer cause under the same code (a problem+json extension), so a contract's codes stay as they are. */
    readonly reason?: string,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", 404, `${what} not found`);
export const forbidden = (detail = "You are not allowed to do that") => new AppError("forbidden", 403, detail);
export const unauthorized = (detail = "Sign in to continue") => new AppError("unauthorized", 401, detail);
export const validation = (path: string, message: string) =>
  new AppError("validation_error", 400, message, [{ path, message }]);
