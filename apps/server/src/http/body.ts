// JSON bodies only (plus text/calendar where a route asks for it), within the size limit.
import express, { type RequestHandler } from "express";
import { AppError } from "./errors.js";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({ limit, strict: true, type: ["application/json", "application/*+json"] });
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (
      WRITE_METHODS.has(req.method) &&
      hasBody &&
      !req.is(["application/json", "application/*+json", "text/calendar"])
    ) {
      throw new AppError("unsupported_media_type", 415, "Send the body as application/json");
    }
    next();
  };
  // Calendar uploads are parsed here too, before the idempotency check hashes the body.
  return [requireJson, parse, calendarBody(limit)];
}

export function calendarBody(limit: string): RequestHandler {
  return express.text({ type: ["text/calendar"], limit });
}
