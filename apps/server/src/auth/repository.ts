// SQL for accounts, sessions and one-time tokens. Runs as the owner: the auth schema is private.
import { one, type Queryable } from "../db/index.js";
import { USER_COLUMNS, type UserRow } from "../users/index.js";

export const findUserByEmail = (q: Queryable, email: string) =>
  one<UserRow & { password_hash: string }>(
    q,
    `select ${USER_COLUMNS.split(", ")
      .map((c) => `u.${c}`)
      .join(", ")}, c.password_hash
       from public.users u join auth.credentials c on c.user_id = u.id where u.email = $1`,
    [email],
  );

export const findUserById = (q: Queryable, id: string) =>
  one<UserRow>(q, `select ${USER_COLUMNS} from public.users where id = $1`, [id]);

/** Inserts user and credentials; returns undefined when the e-mail is taken. */
export async function insertUser(
  q: Queryable,
  u: { email: string; displayName: string; avatarColor: string; passwordHash: string },
) {
  const user = await one<UserRow>(
    q,
    `insert into public.users (email, display_name, avatar_color) values ($1, $2, $3)
     on conflict (email) do nothing returning ${USER_COLUMNS}`,
    [u.email, u.displayName, u.avatarColor],
  );
  if (user)
    await q.query("insert into auth.credentials (user_id, password_hash) values ($1, $2)", [user.id, u.passwordHash]);
  return user;
}

export async function createSession(q: Queryable, userId: string, meta: { ip?: string; userAgent?: string }) {
  const s = await one<{ id: string }>(
    q,
    "insert into auth.sessions (user_id, ip, user_agent) values ($1, $2, $3) returning id",
    [userId, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
  );
  return s!.id;
}

export async function issueRefreshToken(q: Queryable, sessionId: string, parentId: string | null) {
  const t = await one<{ id: string }>(
    q,
    "insert into auth.refresh_tokens (session_id, parent_id) values ($1, $2) returning id",
    [sessionId, parentId],
  );
  return t!.id;
}

export interface RefreshRow {
  id: string;
  session_id: string;
  user_id: string;
  spent_at: Date | null;
  spent_ms_ago: number | null;
  ended_at: Date | null;
  end_reason: string | null;
}

/**
 * Locks the token's session, then reads the token. Two statements on purpose: under READ COMMITTED
 * the second one takes a fresh snapshot after the lock wait, so it sees a concurrent rotation.
 */
export async function lockRefreshToken(q: Queryable, tokenId: string) {
  const locked = await q.query(
    "select s.id from auth.sessions s join auth.refresh_tokens rt on rt.session_id = s.id where rt.id = $1 for update of s",
    [tokenId],
  );
  if (locked.length === 0) return undefined;
  return one<RefreshRow>(
    q,
    `select rt.id, rt.session_id, s.user_id, rt.spent_at, s.ended_at, s.end_reason,
            (extract(epoch from (now() - rt.spent_at)) * 1000)::float8 as spent_ms_ago
       from auth.refresh_tokens rt join auth.sessions s on s.id = rt.session_id
      where rt.id = $1`,
    [tokenId],
  );
}

export const currentRefreshToken = (q: Queryable, sessionId: string) =>
  one<{ id: string; parent_id: string | null }>(
    q,
    "select id, parent_id from auth.refresh_tokens where session_id = $1 and spent_at is null order by created_at desc limit 1",
    [sessionId],
  );

export const spendRefreshToken = (q: Queryable, tokenId: string) =>
  q.query("update auth.refresh_tokens set spent_at = now() where id = $1", [tokenId]);

export const endSession = (q: Queryable, sessionId: string, reason: string) =>
  q.query("update auth.sessions set ended_at = now(), end_reason = $2 where id = $1 and ended_at is null", [
    sessionId,
    reason,
  ]);

export const endAllSessions = (q: Queryable, userId: string, reason: string) =>
  q.query("update auth.sessions set ended_at = now(), end_reason = $2 where user_id = $1 and ended_at is null", [
    userId,
    reason,
  ]);

/** The live session's user facts, or nothing when the session has ended (or the user is gone). */
export const liveSession = (q: Queryable, sessionId: string, userId: string) =>
  one<{ role: UserRow["role"]; email_verified: boolean }>(
    q,
    `select u.role, u.email_verified from auth.sessions s join public.users u on u.id = s.user_id
      where s.id = $1 and s.user_id = $2 and s.ended_at is null`,
    [sessionId, userId],
  );

/** Of these sessions, the live ones, with their user (one statement for many sockets). */
export const liveSessionUsers = (q: Queryable, sessionIds: string[]) =>
  q.query<{ id: string; user_id: string }>(
    `select s.id, s.user_id from auth.sessions s join public.users u on u.id = s.user_id
      where s.id = any($1::uuid[]) and s.ended_at is null`,
    [sessionIds],
  );

export async function createEmailToken(
  q: Queryable,
  userId: string,
  purpose: "verify_email" | "reset_password",
  hash: string,
  ttlMs: number,
) {
  await q.query(
    "insert into auth.email_tokens (user_id, purpose, token_hash, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))",
    [userId, purpose, hash, ttlMs / 1000],
  );
}

/** Marks a valid token used and returns its user; undefined for unknown, used or expired tokens. */
export const useEmailToken = (q: Queryable, purpose: string, hash: string) =>
  one<{ user_id: string }>(
    q,
    `update auth.email_tokens set used_at = now()
      where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()
      returning user_id`,
    [hash, purpose],
  );

/** Whether a verification token (used or not) belongs to an already verified account. */
export const emailTokenUserVerified = async (q: Queryable, hash: string) =>
  (
    await one<{ verified: boolean }>(
      q,
      `select u.email_verified as verified from auth.email_tokens t join public.users u on u.id = t.user_id
        where t.token_hash = $1 and t.purpose = 'verify_email'`,
      [hash],
    )
  )?.verified === true;

export const setPassword = (q: Queryable, userId: string, passwordHash: string) =>
  q.query("update auth.credentials set password_hash = $2, updated_at = now() where user_id = $1", [
    userId,
    passwordHash,
  ]);

/** Looks at a reset token without using it (to validate the new password against the account first). */
export const useEmailTokenPreview = (q: Queryable, hash: string) =>
  one<{ user_id: string; email: string }>(
    q,
    `select t.user_id, u.email from auth.email_tokens t join public.users u on u.id = t.user_id
      where t.token_hash = $1 and t.purpose = 'reset_password' and t.used_at is null and t.expires_at > now()`,
    [hash],
  );
