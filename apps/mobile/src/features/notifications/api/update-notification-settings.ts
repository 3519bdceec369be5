// PATCH /users/:id with the notification switches, as web Settings saves them: each in-app kind
// and the e-mail reminders. The server merges preferences key by key at the top level only, so
// the kinds always go as one whole object.
import type { NotificationPrefKind, Preferences, User } from "@lm/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../auth/auth-context";
import { notificationKeys } from "./keys";

export interface NotificationSettings {
  emailReminders: boolean;
  notifications: Record<NotificationPrefKind, boolean>;
}

/** What the switches show for a student: every kind on until switched off, e-mail off until opted in. */
export function notificationSettingsOf(user: User): NotificationSettings {
  const prefs = user.preferences as Preferences;
  const n = prefs.notifications ?? {};
  return {
    emailReminders: prefs.emailReminders ?? false,
    notifications: {
      comments: n.comments ?? true,
      ratings: n.ratings ?? true,
      lessons: n.lessons ?? true,
      moderation: n.moderation ?? true,
    },
  };
}

export const updateNotificationSettings = (userId: string, settings: NotificationSettings) =>
  api.updateUser(userId, { preferences: settings });

export function useUpdateNotificationSettings(userId: string) {
  const { setUser } = useAuth();
  return useMutation({
    mutationKey: notificationKeys.settings(),
    // One write at a time, in the order switched: each carries every switch as shown, so the
    // answer to the last one is what the server keeps.
    scope: { id: notificationKeys.settings().join(":") },
    mutationFn: (settings: NotificationSettings) => updateNotificationSettings(userId, settings),
    onSuccess: setUser,
  });
}
