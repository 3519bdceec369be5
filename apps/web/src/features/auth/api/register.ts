import { devicePreferences, type RegisterInput } from "@lm/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export async function register(input: RegisterInput) {
  const result = await api.register(input);
  useAuth.getState().signIn(result.session, result.user);
  // Reminders and e-mails are written in the student's zone and language: save this browser's now,
  // or the server would write UTC and 24-hour times until the student found the setting. Best
  // effort: Settings still has the zone.
  const device = devicePreferences(result.user.preferences);
  if (device) {
    try {
      const user = await api.updateUser(result.user.id, { preferences: { ...result.user.preferences, ...device } });
      useAuth.getState().setUser(user);
      return { ...result, user };
    } catch {
      // The account exists either way; the zone can be set in Settings.
    }
  }
  return result;
}

export const useRegister = () => useMutation({ mutationFn: register });
