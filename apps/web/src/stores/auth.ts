// The signed-in session: tokens and the current user, kept in localStorage so every tab shares
// them. A `storage` event from another tab (log-in, log-out, token rotation) updates this one.
import type { Session, User } from "@lm/core";
import { create } from "zustand";

export const SESSION_KEY = "lm.session";
export const USER_KEY = "lm.user";

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the session still lives in memory for this tab.
  }
}

interface AuthState {
  session: Session | null;
  user: User | null;
  /** Why the last session ended (shown on the log-in page), cleared once shown. */
  endedMessage: string | null;
  setSession(session: Session | null): void;
  setUser(user: User | null): void;
  signIn(session: Session, user: User): void;
  /** Local sign-out; `message` explains it on the log-in page. */
  signOut(message?: string | null): void;
  clearEndedMessage(): void;
}

export const useAuth = create<AuthState>((set) => ({
  session: read<Session>(SESSION_KEY),
  user: read<User>(USER_KEY),
  endedMessage: null,
  setSession(session) {
    write(SESSION_KEY, session);
    set({ session });
  },
  setUser(user) {
    write(USER_KEY, user);
    set({ user });
  },
  signIn(session, user) {
    write(SESSION_KEY, session);
    write(USER_KEY, user);
    set({ session, user, endedMessage: null });
  },
  signOut(message = null) {
    write(SESSION_KEY, null);
    write(USER_KEY, null);
    set({ session: null, user: null, endedMessage: message });
  },
  clearEndedMessage() {
    set({ endedMessage: null });
  },
}));

/** Reads the freshest tokens: another tab may have rotated them a moment ago. */
export function currentSession(): Session | null {
  const stored = read<Session>(SESSION_KEY);
  return stored ?? useAuth.getState().session;
}

/** Keeps this tab in step with the others. Returns an unsubscribe function. */
export function syncAcrossTabs(): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === SESSION_KEY) {
      const session = read<Session>(SESSION_KEY);
      const wasSignedIn = useAuth.getState().session !== null;
      if (!session && wasSignedIn)
        useAuth.setState({ session: null, user: null, endedMessage: "You signed out in another tab." });
      else useAuth.setState({ session });
    } else if (e.key === USER_KEY) {
      useAuth.setState({ user: read<User>(USER_KEY) });
    }
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}

export const selectIsModerator = (s: AuthState) => s.user?.role === "MODERATOR" || s.user?.role === "ADMIN";
