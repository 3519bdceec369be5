// Maps every error to RFC 9457 problem+json; anything unknown becomes a bare 500 (never a stack).
import { PROBLEM_TITLES } from "@lm/core";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { AppError } from "./errors.js";

export function sendProblem(res: Response, err: AppError) {
  for (const [k, v] of Object.entries(err.headers ?? {})) res.setHeader(k, v);
  res
    .status(err.status)
    .type("application/problem+json")
    .send(
      JSON.stringify({
        type: "about:blank",
        title: PROBLEM_TITLES[err.code] ?? err.code,
        status: err.status,
        code: err.code,
        ...(err.detail ? { detail: err.detail } : {}),
        ...(err.errors ? { errors: err.errors } : {}),
      }),
    );
}

/** Errors raised by body-parser and friends carry `type`/`status`; translate the ones clients cause. */
function fromHttpError(err: { type?: string; status?: number; expose?: boolean }): AppError | null {
  if (err.type === "entity.parse.failed")
    return new AppError("invalid_json", 400, "The request body is not valid JSON");
  if (err.type === "entity.too.large") return new AppError("payload_too_large", 413, "The request body is too large");
  if (err.type === "encoding.unsupported" || err.type === "charset.unsupported")
    return new AppError("unsupported_media_type", 415, "Unsupported body encoding");
  if (err.status === 400 && err.expose) return new AppError("validation_error", 400, "Malformed request");
  return null;
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError("not_found", 404, `No route for ${req.method} ${req.path}`);
};

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = err instanceof AppError ? err : fromHttpError(err);
  if (known) {
    sendProblem(res, known);
    return;
  }
  req.log?.error({ err }, "unhandled error");
  sendProblem(res, new AppError("internal", 500, "Something went wrong on our side"));
};
