// The core TokenStore (synchronous get/set) over an asynchronous device store: reads come from
// memory, writes go to the device in order, so a rotated refresh token is never overwritten by an older one.
import { Session, type TokenStore } from "@lm/core";

export interface KeyValueBackend {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export interface PersistentTokenStore extends TokenStore {
  /** Reads the saved session once at start-up; later calls return the same promise. */
  load(): Promise<Session | null>;
  /** Resolves when every write so far has reached the device. */
  flush(): Promise<void>;
  subscribe(listener: (session: Session | null) => void): () => void;
}

export const SESSION_KEY = "lm.session";

export function createSessionStore(backend: KeyValueBackend): PersistentTokenStore {
  let current: Session | null = null;
  let touched = false;
  let loading: Promise<void> | null = null;
  let writes: Promise<void> = Promise.resolve();
  const listeners = new Set<(session: Session | null) => void>();

  return {
    get: () => current,
    set(session) {
      touched = true;
      current = session;
      const write = session
        ? () => backend.setItem(SESSION_KEY, JSON.stringify(session))
        : () => backend.removeItem(SESSION_KEY);
      // Chained so the device ends with the newest session even when writes finish out of order.
      writes = writes.then(write).catch(() => undefined);
      for (const listener of listeners) listener(session);
    },
    load() {
      loading ??= backend
        .getItem(SESSION_KEY)
        .catch(() => null)
        .then((raw) => {
          // A sign-in that finished while we were reading wins over the saved session.
          if (touched) return;
          const parsed = raw ? Session.safeParse(safeJson(raw)) : null;
          current = parsed?.success ? parsed.data : null;
        });
      // Always the session as it is now, also when asked again after a sign-in or sign-out.
      return loading.then(() => current);
    },
    flush: () => writes,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
