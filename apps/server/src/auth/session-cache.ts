// A short-lived per-process cache of live sessions, so a signed-in request does not read
// auth.sessions every time. Revocation stays instant: the database NOTIFYs 'lm_session' when a
// session ends or a user's role/verification changes (migration 0023), every instance drops the
// entry, and while the listening connection is down nothing is trusted from the cache. A NOTIFY
// reaches another instance a moment after the COMMIT, so an entry is trusted only once the
// listening connection has caught up (one shared round trip): a logout answered by one instance is
// refused by the next request anywhere.
import type { Db } from "../db/index.js";
import type { AuthInfo } from "../http/express.js";

export interface LiveSession {
  role: AuthInfo["role"];
  emailVerified: boolean;
}

interface Entry extends LiveSession {
  userId: string;
  at: number;
}

const MAX_ENTRIES = 50_000;

export interface SessionCacheOptions {
  ttlMs: number;
  /** False while notifications may be missed: nothing is trusted or stored. */
  listening: () => boolean;
  /** True once every notification committed before the call has been handled. */
  caughtUp: () => Promise<boolean>;
  now?: () => number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every notification: a read that started before one must not be stored after it. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly listening: () => boolean;
  private readonly caughtUp: () => Promise<boolean>;
  private readonly now: () => number;

  constructor(opts: SessionCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.listening = opts.listening;
    this.caughtUp = opts.caughtUp;
    this.now = opts.now ?? Date.now;
  }

  /**
   * The cached session, if it survives every notification committed before this call (a logout
   * on another instance the moment before): looked up again after the listener caught up.
   */
  async lookup(sessionId: string, userId: string): Promise<LiveSession | undefined> {
    if (!this.get(sessionId, userId)) return undefined;
    if (!(await this.caughtUp())) return undefined;
    return this.get(sessionId, userId);
  }

  /** What the cache holds now, without waiting for notifications in flight. */
  get(sessionId: string, userId: string): LiveSession | undefined {
    if (!this.listening()) return undefined;
    const e = this.entries.get(sessionId);
    if (!e || e.userId !== userId || this.now() - e.at >= this.ttlMs) return undefined;
    return { role: e.role, emailVerified: e.emailVerified };
  }

  /** A token for `store`: taken before the database read whose answer will be stored. */
  begin(): number {
    return this.generation;
  }

  store(token: number, sessionId: string, userId: string, live: LiveSession) {
    if (token !== this.generation || !this.listening()) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { ...live, userId, at: this.now() });
  }

  /** A notification payload: 's:<session id>' or 'u:<user id>'. */
  invalidate(payload: string) {
    this.generation++;
    const id = payload.slice(2);
    if (payload.startsWith("s:")) this.entries.delete(id);
    else if (payload.startsWith("u:")) {
      for (const [sid, e] of this.entries) if (e.userId === id) this.entries.delete(sid);
    } else this.entries.clear();
  }

  /** After a lost listening connection: notifications may have been missed. */
  clear() {
    this.generation++;
    this.entries.clear();
  }
}

/** Long enough to spare nearly every lookup under load, short enough to bound any surprise. */
export const SESSION_CACHE_TTL_MS = 10_000;

/** The cache, subscribed to the database's session notifications; the closer unsubscribes. */
export async function sessionCache(
  db: Pick<Db, "listen" | "listening" | "caughtUp">,
  closers: Array<() => Promise<void>>,
): Promise<SessionCache> {
  const cache = new SessionCache({
    ttlMs: SESSION_CACHE_TTL_MS,
    listening: () => db.listening(),
    caughtUp: () => db.caughtUp(),
  });
  const stop = await db.listen("lm_session", (payload) => cache.invalidate(payload), { onGap: () => cache.clear() });
  closers.push(stop);
  return cache;
}
