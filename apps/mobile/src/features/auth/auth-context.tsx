// Who is signed in: restores the saved session at start-up and follows the token store, so a
// session ended by the server (reused refresh token, logout elsewhere) returns the app to log-in.
import { ApiError, devicePreferences, type LoginInput, type RegisterInput, type User } from "@lm/core";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { tokenStore } from "../../lib/api";
import { clearCache, readCache, writeCache } from "../offline/cache";
import { updateUser } from "../profile/api/update-user";
import { getMe } from "./api/get-me";
import { login } from "./api/login";
import { logout } from "./api/logout";
import { register } from "./api/register";

type Status = "loading" | "signedOut" | "signedIn";

interface AuthValue {
  status: Status;
  user: User | null;
  signIn(input: LoginInput): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  signOut(): Promise<void>;
  setUser(user: User): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("loading");
  const [user, setUserState] = useState<User | null>(null);

  const setUser = useCallback((next: User) => {
    setUserState(next);
    setStatus("signedIn");
    void writeCache("me", next);
  }, []);

  useEffect(() => {
    let alive = true;
    (async () => {
      const session = await tokenStore.load();
      if (!session) return alive && setStatus("signedOut");
      try {
        const me = await getMe();
        if (alive) setUser(me);
      } catch (error) {
        // Offline start: trust the saved session and show the last known profile.
        const cached = error instanceof ApiError ? null : await readCache<User>("me");
        if (!alive) return;
        if (cached && tokenStore.get()) setUser(cached);
        else setStatus(tokenStore.get() ? "signedIn" : "signedOut");
      }
    })();
    return () => {
      alive = false;
    };
  }, [setUser]);

  useEffect(
    () =>
      tokenStore.subscribe((session) => {
        if (session) return;
        setUserState(null);
        setStatus("signedOut");
        queryClient.clear();
        void clearCache();
      }),
    [queryClient],
  );

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      setUser,
      async signIn(input) {
        setUser((await login(input)).user);
      },
      async register(input) {
        const { user: created } = await register(input);
        setUser(created);
        // Reminders and e-mails are written in the student's zone and clock: save the phone's now.
        const device = devicePreferences(created.preferences);
        if (device)
          await updateUser(created.id, { preferences: { ...created.preferences, ...device } }).then(
            setUser,
            () => undefined,
          ); // best effort: the account exists either way
      },
      async signOut() {
        // The client clears the tokens even when the server cannot be reached.
        await logout();
      },
    }),
    [status, user, setUser],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}
