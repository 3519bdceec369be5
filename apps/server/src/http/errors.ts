// The one error type services throw. Routes never build error responses by hand; the status comes
// from the one table in core (ERRORS), so a throw names a code and never a status.
import { ERRORS, type ErrorCode, type FieldError } from "@lm/core";

export interface AppErrorExtras {
  /** The contract's `errors[]`: which fields were wrong. */
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** Finer cause under the same code (a problem+json extension), so a contract's codes stay as they are. */
  reason?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  readonly reason?: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    extras: AppErrorExtras = {},
  ) {
    super(detail ?? code);
    this.name = "AppError";
    this.status = ERRORS[code].status;
    this.errors = extras.errors;
    this.headers = extras.headers;
    this.reason = extras.reason;
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
export const forbidden = (detail = "You are not allowed to do that") => new AppError("forbidden", detail);
export const unauthorized = (detail = "Sign in to continue") => new AppError("unauthorized", detail);
export const validation = (path: string, message: string) =>
  new AppError("validation_error", message, { errors: [{ path, message }] });
