// Maps every error to RFC 9457 problem+json; anything unknown becomes a bare 500 (never a stack).
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { PROBLEM_TITLES } from "@lm/core";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { AppError } from "./errors.js";

export function problemBody(err: AppError): string {
  return JSON.stringify({
    type: "about:blank",
    title: PROBLEM_TITLES[err.code],
    status: err.status,
    code: err.code,
    ...(err.detail ? { detail: err.detail } : {}),
    ...(err.errors ? { errors: err.errors } : {}),
    ...(err.reason ? { reason: err.reason } : {}),
  });
}

export function sendProblem(res: Response, err: AppError) {
  for (const [k, v] of Object.entries(err.headers ?? {})) res.setHeader(k, v);
  res.status(err.status).type("application/problem+json").send(problemBody(err));
}

/** A whole HTTP/1.1 problem response for a raw socket (no Express there: parse errors, upgrades). */
export function rawProblem(err: AppError): string {
  const body = problemBody(err);
  const extra = Object.entries(err.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`);
  return (
    `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ""}\r\n` +
    `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `${extra.join("")}Connection: close\r\n\r\n${body}`
  );
}

/** What Node's own clientError default sends, as problem+json: requests Express never sees. */
function fromParserError(code: string | undefined): AppError {
  if (code === "HPE_HEADER_OVERFLOW") return new AppError("headers_too_large", "The request headers are too large");
  if (code === "HPE_CHUNK_EXTENSIONS_OVERFLOW")
    return new AppError("payload_too_large", "The chunk extensions are too large");
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return new AppError("request_timeout", "The request took too long");
  return new AppError("malformed_request", "The request is not valid HTTP");
}

/** The server's `clientError` listener: answers while nothing was written yet, then drops the socket. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) {
  if (err.code !== "ECONNRESET" && socket.writable && !socket.bytesWritten) {
    socket.end(rawProblem(fromParserError(err.code)), () => socket.destroy());
    return;
  }
  socket.destroy();
}

/** Errors raised by body-parser and friends carry `type`/`status`; translate the ones clients cause. */
function fromHttpError(err: { type?: string; status?: number; expose?: boolean }): AppError | null {
  // The router could not decode a path parameter (a stray or truncated %-escape).
  if (err instanceof URIError && err.status === 400)
    return new AppError("validation_error", "The URL path is not valid percent-encoding", {
      errors: [{ path: "(path)", message: "Malformed percent-encoding" }],
    });
  if (err.type === "entity.parse.failed") return new AppError("invalid_json", "The request body is not valid JSON");
  if (err.type === "entity.too.large") return new AppError("payload_too_large", "The request body is too large");
  if (err.type === "encoding.unsupported" || err.type === "charset.unsupported")
    return new AppError("unsupported_media_type", "Unsupported body encoding");
  if (err.status === 400 && err.expose) return new AppError("validation_error", "Malformed request");
  return null;
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError("not_found", `No route for ${req.method} ${req.path}`);
};

export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = err instanceof AppError ? err : fromHttpError(err);
  if (known) {
    sendProblem(res, known);
    return;
  }
  req.log?.error({ err }, "unhandled error");
  sendProblem(res, new AppError("internal", "Something went wrong on our side"));
};
