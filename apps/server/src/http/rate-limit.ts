// Rate-limit middleware and helpers; 429 problem+json with Retry-After and RateLimit-* headers.
import type { Request, RequestHandler, Response } from "express";
import { AppError } from "./errors.js";
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
  return new AppError("rate_limited", 429, detail, undefined, { "Retry-After": String(retryAfterSeconds) });
}

/** Counts a hit for `key` and throws 429 once the window is full. */
export async function consume(store: RateLimitStore, res: Response, key: string, rule: Limit) {
  const { count, resetAt } = await store.hit(key, rule.windowMs);
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
