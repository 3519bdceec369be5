// Accounts and sessions: the rules of the contract's Auth section.
import type { AuthResult, Session } from "@lm/core";
import type { Config } from "../config.js";
import type { Db } from "../db/index.js";
import { AppError } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { tooMany } from "../http/rate-limit.js";
import type { RateLimitStore } from "../http/rate-limit-store.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../mail/mailer.js";
import { toUser } from "../users/index.js";
import { resetPasswordMail, verificationMail } from "./mails.js";
import { assertStrongPassword, burnDummyVerify, hashPassword, verifyPassword } from "./passwords.js";
import * as repo from "./repository.js";
import type { SessionCache } from "./session-cache.js";
import { randomToken, sha256, type TokenService } from "./tokens.js";

const AVATAR_COLORS = ["#6366F1", "#EC4899", "#14B8A6", "#F59E0B", "#8B5CF6", "#EF4444", "#10B981", "#3B82F6"];
const DAY_MS = 24 * 60 * 60_000;
const BACKGROUND_DELAY_MS = 10;

export interface AuthDeps {
  db: Db;
  tokens: TokenService;
  mailer: Mailer;
  config: Config;
  limits: RateLimitStore;
  log: Logger;
  /** Live sessions remembered between requests; without it every request reads auth.sessions. */
  sessions?: SessionCache;
}
type Meta = { ip?: string; userAgent?: string };

const loginFailKey = (email: string) => `login-fail:${email}`;

/** The owner locked out by someone else's guesses learns the way in: a reset lifts the lock. */
const lockedOut = (retryAfterSeconds: number) =>
  tooMany(
    retryAfterSeconds,
    "Too many failed log-ins for this account. To sign in now, ask for a password reset e-mail " +
      '(POST /auth/forgot-password, or "Forgot password?" in the app); setting a new password lifts the lock.',
  );

const invalidCredentials = () => new AppError("invalid_credentials", "Email or password is incorrect");

export class AuthService {
  constructor(private readonly d: AuthDeps) {}

  async register(input: { email: string; password: string; displayName: string }, meta: Meta): Promise<AuthResult> {
    assertStrongPassword(input.password, input.email);
    const passwordHash = await hashPassword(input.password);
    const avatarColor = AVATAR_COLORS[Math.floor(Math.random() * AVATAR_COLORS.length)];
    const { user, session, verifyToken } = await this.d.db.transaction(async (tx) => {
      const user = await repo.insertUser(tx, { ...input, avatarColor, passwordHash });
      if (!user) throw new AppError("email_taken", "An account with this email already exists");
      const verifyToken = randomToken();
      await repo.createEmailToken(tx, user.id, "verify_email", sha256(verifyToken), DAY_MS);
      return { user, session: await this.openSession(tx, user.id, user.role, meta), verifyToken };
    });
    await this.d.mailer.send(verificationMail(this.d.config.appUrl, user, verifyToken));
    return { user: toUser(user), session };
  }

  async login(input: { email: string; password: string }, meta: Meta): Promise<AuthResult> {
    const failKey = loginFailKey(input.email);
    const rule = this.d.config.rateLimits.loginFailuresPerAccount;
    // Every attempt is counted (one atomic increment) before its password is checked, so a burst
    // of parallel guesses gets at most `limit` checks; a success clears the count. The same for
    // unknown e-mails, so the lockout reveals nothing.
    const { count, resetAt } = await this.d.limits.hit(failKey, rule.windowMs);
    if (count > rule.limit) throw lockedOut(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)));
    const found = await repo.findUserByEmail(this.d.db, input.email);
    const ok = found
      ? await verifyPassword(found.password_hash, input.password)
      : await burnDummyVerify(input.password);
    if (!found || !ok) throw invalidCredentials();
    await this.d.limits.reset(failKey);
    const session = await this.d.db.transaction(async (tx) => {
      await tx.query("update public.users set last_active_at = now() where id = $1", [found.id]);
      return this.openSession(tx, found.id, found.role, meta);
    });
    const { password_hash: _omit, ...user } = found;
    return { user: toUser({ ...user, last_active_at: new Date() }), session };
  }

  /** Rotation with reuse detection, as the contract's "Refresh rotation" paragraph says. */
  async refresh(refreshToken: string): Promise<Session> {
    const tokenId = this.d.tokens.parseRefresh(refreshToken);
    if (!tokenId) throw new AppError("invalid_refresh_token", "The refresh token is not valid");
    const outcome = await this.d.db.transaction(async (tx) => {
      const row = await repo.lockRefreshToken(tx, tokenId);
      if (!row) return { error: "invalid_refresh_token" as const };
      if (row.ended_at) {
        return {
          error:
            row.end_reason === "refresh_token_reused"
              ? ("refresh_token_reused" as const)
              : ("invalid_refresh_token" as const),
        };
      }
      const live = await repo.liveSession(tx, row.session_id, row.user_id);
      if (!live) return { error: "invalid_refresh_token" as const };
      if (!row.spent_at) {
        await repo.spendRefreshToken(tx, row.id);
        const next = await repo.issueRefreshToken(tx, row.session_id, row.id);
        return { session: await this.pair(row.user_id, row.session_id, live.role, next) };
      }
      // A client that lost the response may present the parent of the current token again, briefly.
      const current = await repo.currentRefreshToken(tx, row.session_id);
      if (
        current &&
        current.parent_id === row.id &&
        (row.spent_ms_ago ?? Number.POSITIVE_INFINITY) <= this.d.config.refreshGraceMs
      ) {
        return { session: await this.pair(row.user_id, row.session_id, live.role, current.id) };
      }
      await repo.endSession(tx, row.session_id, "refresh_token_reused");
      return { error: "refresh_token_reused" as const };
    });
    if ("error" in outcome) {
      if (outcome.error === "refresh_token_reused") {
        this.d.log.warn({ event: "refresh_token_reused" }, "refresh token reuse: session ended");
        throw new AppError("refresh_token_reused", "This refresh token was already used; sign in again");
      }
      throw new AppError("invalid_refresh_token", "The refresh token is not valid");
    }
    return outcome.session;
  }

  async logout(auth: AuthInfo) {
    await repo.endSession(this.d.db, auth.sessionId, "logout");
  }

  /** Verifies a bearer token and that its session is live; null for anything else. */
  async authenticate(bearer: string): Promise<AuthInfo | null> {
    const claims = await this.d.tokens.verifyAccess(bearer);
    if (!claims) return null;
    const cache = this.d.sessions;
    const cached = await cache?.lookup(claims.sid, claims.sub);
    if (cached) return { userId: claims.sub, sessionId: claims.sid, ...cached };
    const token = cache?.begin();
    const row = await repo.liveSession(this.d.db, claims.sid, claims.sub);
    if (!row) return null;
    const live = { role: row.role, emailVerified: row.email_verified };
    if (token !== undefined) cache?.store(token, claims.sid, claims.sub, live);
    return { userId: claims.sub, sessionId: claims.sid, ...live };
  }

  async verifyEmail(token: string) {
    const user = await this.d.db.transaction(async (tx) => {
      const used = await repo.useEmailToken(tx, "verify_email", sha256(token));
      if (!used) return undefined;
      await tx.query("update public.users set email_verified = true where id = $1", [used.user_id]);
      return repo.findUserById(tx, used.user_id);
    });
    if (!user) {
      // A link opened twice (a mail scanner, a second device) already did its job: say so.
      if (await repo.emailTokenUserVerified(this.d.db, sha256(token))) throw alreadyVerified();
      throw new AppError("invalid_token", "This link is invalid or has expired; ask for a new one");
    }
    return { user: toUser(user) };
  }

  async resendVerification(auth: AuthInfo): Promise<{ alreadyVerified?: true }> {
    // Nothing to send: say so in the 202 the contract promises, and mail nothing.
    const user = await repo.findUserById(this.d.db, auth.userId);
    if (user?.email_verified) return { alreadyVerified: true };
    const rule = this.d.config.rateLimits.emailPerAccount;
    const { count, resetAt } = await this.d.limits.hit(`mail:verify:${auth.userId}`, rule.windowMs);
    if (count > rule.limit) throw tooMany(Math.ceil((resetAt - Date.now()) / 1000));
    if (!user) return {};
    const token = randomToken();
    await repo.createEmailToken(this.d.db, user.id, "verify_email", sha256(token), DAY_MS);
    await this.d.mailer.send(verificationMail(this.d.config.appUrl, user, token));
    return {};
  }

  /**
   * Always "accepted": whether the e-mail exists is never revealed, not even by timing. The answer
   * waits only for the rate-limit count, the same for every address; looking the account up, storing
   * the token and sending the mail (a slow SMTP round trip) happen after it, in the background.
   */
  async forgotPassword(email: string) {
    const rule = this.d.config.rateLimits.emailPerAccount;
    const { count } = await this.d.limits.hit(`mail:reset:${email}`, rule.windowMs);
    if (count > rule.limit) return;
    this.inBackground(async () => {
      const user = await repo.findUserByEmail(this.d.db, email);
      if (!user) return;
      const token = randomToken();
      await repo.createEmailToken(this.d.db, user.id, "reset_password", sha256(token), 60 * 60_000);
      await this.d.mailer.send(resetPasswordMail(this.d.config.appUrl, user, token));
    }, "password reset mail not sent");
  }

  private readonly pending = new Set<Promise<void>>();

  private inBackground(work: () => Promise<void>, failure: string) {
    // Started a moment later, once the answer is on its way: an in-process database (PGlite) shares
    // this thread, so work started at once would delay the response itself.
    const p = new Promise<void>((resolve) => setTimeout(resolve, BACKGROUND_DELAY_MS))
      .then(work)
      .catch((err) => this.d.log.error({ err }, failure))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for background mail work (shutdown: a reset mail asked for is still sent). */
  async drain() {
    await Promise.all([...this.pending]);
  }

  async resetPassword(token: string, password: string) {
    const pending = await repo.useEmailTokenPreview(this.d.db, sha256(token));
    if (!pending) throw new AppError("invalid_token", "This link is invalid or has expired; ask for a new one");
    assertStrongPassword(password, pending.email);
    const passwordHash = await hashPassword(password);
    const done = await this.d.db.transaction(async (tx) => {
      const used = await repo.useEmailToken(tx, "reset_password", sha256(token));
      if (!used) return false;
      await repo.setPassword(tx, used.user_id, passwordHash);
      await repo.endAllSessions(tx, used.user_id, "password_reset");
      return true;
    });
    if (!done) throw new AppError("invalid_token", "This link is invalid or has expired; ask for a new one");
    // Whoever can read the account's mail is its owner: the failed log-ins of others stop counting.
    await this.d.limits.reset(loginFailKey(pending.email));
  }

  private async openSession(
    tx: Parameters<typeof repo.createSession>[0],
    userId: string,
    role: AuthInfo["role"],
    meta: Meta,
  ) {
    const sessionId = await repo.createSession(tx, userId, meta);
    const tokenId = await repo.issueRefreshToken(tx, sessionId, null);
    return this.pair(userId, sessionId, role, tokenId);
  }

  private async pair(
    userId: string,
    sessionId: string,
    role: AuthInfo["role"],
    refreshTokenId: string,
  ): Promise<Session> {
    return {
      accessToken: await this.d.tokens.signAccess({ sub: userId, sid: sessionId, role }),
      refreshToken: this.d.tokens.refreshToken(refreshTokenId),
      tokenType: "Bearer",
      expiresIn: this.d.tokens.accessTtlSeconds,
    };
  }
}

/**
 * A used link of a verified address: still the contract's 400 invalid_token (a used token is dead),
 * with `reason: already_verified` so apps can say the address is verified and offer to log in.
 */
function alreadyVerified(): AppError {
  return new AppError("invalid_token", "This email address is already verified. Log in to continue.", {
    reason: "already_verified",
  });
}

/** Whether a session is still open (not signed out or ended); for realtime and media, which check tokens they hold. */
export async function sessionIsLive(db: Db, sessionId: string, userId: string): Promise<boolean> {
  return Boolean(await repo.liveSession(db, sessionId, userId));
}

/** Live sessions among `sessionIds` → their user id; looked up 1,000 at a time. */
export async function liveSessions(db: Db, sessionIds: string[]): Promise<Map<string, string>> {
  const live = new Map<string, string>();
  for (let i = 0; i < sessionIds.length; i += 1_000) {
    for (const row of await repo.liveSessionUsers(db, sessionIds.slice(i, i + 1_000))) live.set(row.id, row.user_id);
  }
  return live;
}
