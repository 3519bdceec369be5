import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { hasSavedTheme, type Theme, useTheme } from "../../../lib/theme";
import { useAuth } from "../../../stores/auth";

export const meKey = ["me"] as const;

export async function getMe() {
  const user = await api.me();
  useAuth.getState().setUser(user);
  // On a new device, take the theme the student chose elsewhere.
  const theme = user.preferences.theme;
  if (!hasSavedTheme() && (theme === "light" || theme === "dark")) useTheme.getState().setTheme(theme as Theme);
  return user;
}

/** Refreshes the stored user (role, verification) whenever a session exists. */
export function useMe() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({ queryKey: meKey, queryFn: getMe, enabled: signedIn, staleTime: 60_000 });
}
