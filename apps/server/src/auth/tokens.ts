// Access tokens (JWT, HS256 pinned) and opaque refresh/e-mail tokens.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { errors, jwtVerify, SignJWT } from "jose";

const ISSUER = "little-monster";
const AUDIENCE = "little-monster-api";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessClaims {
  sub: string;
  sid: string;
  role: "USER" | "MODERATOR" | "ADMIN";
}

export interface MediaClaims {
  userId: string;
  sessionId: string;
  /** Unix seconds. */
  expiresAt: number;
}

/** Bounds the verified-token memo; like the session cache, it is emptied when full. */
const MAX_VERIFIED = 20_000;

export class TokenService {
  private readonly jwtKey: Uint8Array;
  /**
   * Tokens whose signature and claims already checked out, until their expiry. A token is an
   * immutable signed string, so the answer for it cannot change; only time can end it. Verifying
   * (WebCrypto HMAC, async) was ~9 % of the API's CPU under load (bench/efficiency/RESULTS.md).
   * Only tokens this server signed get in, so a stranger cannot fill it.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresMs: number }>();
  private readonly refreshKey: Buffer;
  private readonly mediaKey: Buffer;

  constructor(
    secret: string,
    readonly accessTtlSeconds: number,
  ) {
    // Separate keys per purpose, derived from one secret.
    this.jwtKey = createHmac("sha256", secret).update("jwt").digest();
    this.refreshKey = createHmac("sha256", secret).update("refresh").digest();
    this.mediaKey = createHmac("sha256", secret).update("media").digest();
  }

  signAccess(claims: AccessClaims): Promise<string> {
    return new SignJWT({ sid: claims.sid, role: claims.role })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(this.jwtKey);
  }

  /** Returns the claims or null for any invalid token (bad alg, signature, expiry, issuer, audience). */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresMs) return known.claims;
      this.verified.delete(token);
      return null;
    }
    const claims = await this.verifySignature(token);
    if (claims) {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, claims);
      return claims.claims;
    }
    return null;
  }

  private async verifySignature(token: string): Promise<{ claims: AccessClaims; expiresMs: number } | null> {
    try {
      const { payload } = await jwtVerify(token, this.jwtKey, {
        algorithms: ["HS256"],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ["sub", "sid", "exp"],
      });
      // The ids go straight into uuid columns: anything else is a forged token, not a database error.
      if (typeof payload.sid !== "string" || typeof payload.sub !== "string") return null;
      if (!UUID.test(payload.sid) || !UUID.test(payload.sub)) return null;
      const role = payload.role === "MODERATOR" || payload.role === "ADMIN" ? payload.role : "USER";
      // jose refuses a token once now >= exp (no clock tolerance): the memo ends it at the same instant.
      return { claims: { sub: payload.sub, sid: payload.sid, role }, expiresMs: (payload.exp ?? 0) * 1000 };
    } catch (err) {
      if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
      throw err;
    }
  }

  /** `<tokenId>.<mac>`: verifiable without storing the secret part. */
  refreshToken(tokenId: string): string {
    return `${tokenId}.${this.mac(tokenId)}`;
  }

  /** The token id when the MAC checks out, else null. */
  parseRefresh(token: string): string | null {
    const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return null;
    const expected = Buffer.from(this.mac(m[1]));
    const given = Buffer.from(m[2]);
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
  }

  /**
   * A media token: `<userId>.<sessionId>.<expiresAt (unix s)>.<mac>`, the MAC over those and the video
   * id, so it opens that one lesson's files only, as that user, until it expires or the session ends.
   */
  mediaToken(videoId: string, claims: MediaClaims): string {
    const body = `${claims.userId}.${claims.sessionId}.${claims.expiresAt}`;
    return `${body}.${this.mediaMac(videoId, body)}`;
  }

  /** The claims when the token is well formed, its MAC is right for this video and it has not expired. */
  parseMediaToken(token: string, videoId: string, nowSeconds = Math.floor(Date.now() / 1000)): MediaClaims | null {
    const m = /^([0-9a-f-]{36})\.([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m || !UUID.test(m[1]) || !UUID.test(m[2])) return null;
    const expected = Buffer.from(this.mediaMac(videoId, `${m[1]}.${m[2]}.${m[3]}`));
    const given = Buffer.from(m[4]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const expiresAt = Number(m[3]);
    return expiresAt > nowSeconds ? { userId: m[1], sessionId: m[2], expiresAt } : null;
  }

  private mediaMac(videoId: string, body: string) {
    return createHmac("sha256", this.mediaKey).update(`${videoId}.${body}`).digest("base64url");
  }

  private mac(id: string) {
    return createHmac("sha256", this.refreshKey).update(id).digest("base64url");
  }
}

export const randomToken = () => randomBytes(32).toString("base64url");
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** JWT_SECRET, or one generated on first start and kept in $DATA_DIR (embedded mode). */
export function resolveJwtSecret(configured: string | undefined, dataDir: string | null): string {
  if (configured) return configured;
  if (!dataDir) return randomBytes(48).toString("base64url");
  const file = join(dataDir, "jwt-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
