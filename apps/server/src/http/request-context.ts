// Request id, structured access log, security headers and CORS: the first middleware a request meets.
import { randomUUID } from "node:crypto";
import type { Express, Request, RequestHandler } from "express";
import type { Logger } from "../logger.js";

const ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;
const CHILD = Symbol("request logger");

/**
 * `req.log`, a child logger carrying the request id, made on first use: most requests never log
 * but for the access line, and a child per request was a measurable share of the API's CPU and
 * garbage under load (bench/efficiency/RESULTS.md).
 */
export function requestLogger(app: Express, log: Logger) {
  Object.defineProperty(app.request, "log", {
    configurable: true,
    get(this: Request & { [CHILD]?: Logger }) {
      this[CHILD] ??= log.child({ reqId: this.id });
      return this[CHILD];
    },
  });
}

export function requestContext(log: Logger): RequestHandler {
  // The level is fixed at start: below info only failures are logged, so the rest skip the line.
  const accessLog = log.isLevelEnabled("info");
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    req.id = typeof incoming === "string" && ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", req.id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      if (!accessLog && res.statusCode < 500) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? "error" : "info";
      req.log[level]({ method: req.method, url: req.originalUrl.split("?")[0], status: res.statusCode, ms }, "request");
    });
    next();
  };
}

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-site");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  res.removeHeader("X-Powered-By");
  next();
};

export function cors(allowed: string[]): RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && (origins.has(origin) || origins.has("*"))) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader(
        "Access-Control-Expose-Headers",
        "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
      );
      if (req.method === "OPTIONS") {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, X-Request-Id");
        res.setHeader("Access-Control-Max-Age", "600");
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
