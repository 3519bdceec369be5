// JSON bodies only (plus text/calendar where a route asks for it), in UTF-8, within the size limit.
import express, { type RequestHandler } from "express";
import { AppError } from "./errors.js";
import { rejectUnsafeInput } from "./safe-input.js";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const JSON_TYPES = ["application/json", "application/*+json"];
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)/i;

export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({ limit, strict: true, type: JSON_TYPES });
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (!WRITE_METHODS.has(req.method) || !hasBody) return next();
    if (!req.is([...JSON_TYPES, "text/calendar"])) {
      throw new AppError("unsupported_media_type", "Send the body as application/json");
    }
    // JSON is UTF-8 (RFC 8259). The parser would decode a declared UTF-16 and then fail as a 400,
    // which tells the client its JSON is wrong when its encoding is.
    const charset = CHARSET.exec(req.headers["content-type"] ?? "")?.[1]?.toLowerCase();
    if (req.is(JSON_TYPES) && charset !== undefined && charset !== "utf-8" && charset !== "utf8") {
      throw new AppError("unsupported_media_type", "Send JSON encoded as UTF-8");
    }
    next();
  };
  // Calendar uploads are parsed here too, and every body checked, before the idempotency check hashes it.
  return [requireJson, parse, calendarBody(limit), rejectUnsafeInput];
}

export function calendarBody(limit: string): RequestHandler {
  return express.text({ type: ["text/calendar"], limit });
}
