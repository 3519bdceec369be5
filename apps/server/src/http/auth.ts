// Bearer authentication (JWT + live session) and the guards routes compose.
import type { RequestHandler } from "express";
import { AppError, unauthorized } from "./errors.js";
import type { AuthInfo } from "./express.js";

/**
 * What the middleware needs from the auth feature (AuthService fits it). Declared here so http/
 * does not import auth/, which imports http/ for its errors and routes (issue 14 item 6).
 */
export interface Authenticator {
  authenticate(bearer: string): Promise<AuthInfo | null>;
}

/** Reads the bearer token when present. A present but dead token is a 401, so clients refresh. */
export function authenticate(auth: Authenticator): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
      const info = m ? await auth.authenticate(m[1]) : null;
      if (!info) throw new AppError("unauthorized", "The access token is invalid, expired or its session has ended");
      req.auth = info;
    }
    next();
  };
}

export const requireAuth: RequestHandler = (req, _res, next) => {
  if (!req.auth) throw unauthorized();
  next();
};

/** The shared guard for publishing endpoints (videos, comments, ratings). */
export function requireVerified(enabled: boolean): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw unauthorized();
    if (enabled && !req.auth.emailVerified) {
      throw new AppError("email_not_verified", "Verify your email address first: check your inbox for the link");
    }
    next();
  };
}

export function requireRole(...roles: Array<"MODERATOR" | "ADMIN">): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) throw unauthorized();
    if (!roles.includes(req.auth.role as "MODERATOR" | "ADMIN")) throw new AppError("forbidden", "Moderators only");
    next();
  };
}
