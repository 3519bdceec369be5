import type { RegisterInput } from "@lm/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

/** The zone this browser runs in ("America/New_York"), or null when Intl cannot tell. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export async function register(input: RegisterInput) {
  const result = await api.register(input);
  useAuth.getState().signIn(result.session, result.user);
  // Reminders and e-mails are written in the student's zone: save this browser's now, or the
  // server would use UTC until the student found the setting. Best effort: Settings still has it.
  const timeZone = browserTimeZone();
  if (timeZone && !result.user.preferences.timeZone) {
    try {
      const user = await api.updateUser(result.user.id, { preferences: { ...result.user.preferences, timeZone } });
      useAuth.getState().setUser(user);
      return { ...result, user };
    } catch {
      // The account exists either way; the zone can be set in Settings.
    }
  }
  return result;
}

export const useRegister = () => useMutation({ mutationFn: register });
