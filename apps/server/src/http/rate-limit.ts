// Rate-limit middleware and helpers; 429 problem+json with Retry-After and RateLimit-* headers.
import type { Request, RequestHandler, Response } from "express";
import { AppError } from "./errors.js";
import type { Logger } from "../logger.js";
import type { RateLimitStore } from "./rate-limit-store.js";

export interface Limit {
  limit: number;
  windowMs: number;
}

function setHeaders(res: Response, rule: Limit, count: number, resetAt: number) {
  const resetSeconds = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  res.setHeader("RateLimit-Limit", String(rule.limit));
  res.setHeader("RateLimit-Remaining", String(Math.max(0, rule.limit - count)));
  res.setHeader("RateLimit-Reset", String(resetSeconds));
  return resetSeconds;
}

export function tooMany(retryAfterSeconds: number, detail = "Too many requests; try again later") {
  return new AppError("rate_limited", detail, { headers: { "Retry-After": String(retryAfterSeconds) } });
}

/** How long a client waits before asking again while the counter store is unreachable. */
const UNAVAILABLE_RETRY_SECONDS = 5;

export function limiterUnavailable() {
  return new AppError(
    "service_unavailable",
    "Sign-in is paused for a moment while a service restarts; try again shortly",
    { headers: { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) } },
  );
}

/** Logs a store failure at most once a minute per limiter, so an outage does not flood the log. */
function throttledWarn(log: Logger, what: string) {
  let last = 0;
  return (err: unknown) => {
    if (Date.now() - last < 60_000) return;
    last = Date.now();
    log.warn({ err }, `${what}: rate-limit store unreachable`);
  };
}

/**
 * Auth limiters fail closed: without counters a password (or a mailbox) could be hammered freely,
 * so every call answers 503 + Retry-After until the store is back.
 */
export function failClosed(store: RateLimitStore, log: Logger): RateLimitStore {
  const warn = throttledWarn(log, "auth limits closed");
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      try {
        return await fn(...a);
      } catch (err) {
        warn(err);
        throw limiterUnavailable();
      }
    };
  return {
    hit: guard(store.hit.bind(store)),
    peek: guard(store.peek.bind(store)),
    reset: guard(store.reset.bind(store)),
  };
}

/**
 * The global limit fails open: it protects capacity, and refusing every request because its
 * counters are gone would turn a Redis outage into a full outage.
 */
export function failOpen(store: RateLimitStore, log: Logger): RateLimitStore {
  const warn = throttledWarn(log, "global limit open");
  return {
    hit: (key, windowMs, opts) =>
      store.hit(key, windowMs, opts).catch((err) => {
        warn(err);
        return { count: 0, resetAt: Date.now() + windowMs };
      }),
    peek: (key) =>
      store.peek(key).catch((err) => {
        warn(err);
        return 0;
      }),
    reset: (key) => store.reset(key).catch(warn),
  };
}

/** Counts a hit for `key` and throws 429 once the window is full. */
export async function consume(store: RateLimitStore, res: Response, key: string, rule: Limit) {
  const { count, resetAt } = await store.hit(key, rule.windowMs, { limit: rule.limit });
  const retry = setHeaders(res, rule, count, resetAt);
  if (count > rule.limit) throw tooMany(retry);
}

/** Global limit: per signed-in user when a token was verified, else per client IP. */
export function globalLimit(store: RateLimitStore, perIp: number, perUser: number): RequestHandler {
  return async (req: Request, res, next) => {
    const key = req.auth ? `g:u:${req.auth.userId}` : `g:ip:${req.ip}`;
    await consume(store, res, key, { limit: req.auth ? perUser : perIp, windowMs: 60_000 });
    next();
  };
}

export function ipLimit(store: RateLimitStore, name: string, rule: Limit): RequestHandler {
  return async (req, res, next) => {
    await consume(store, res, `${name}:ip:${req.ip}`, rule);
    next();
  };
}
