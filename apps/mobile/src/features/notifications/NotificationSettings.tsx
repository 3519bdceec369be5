// The notification switches on the profile tab: each kind of in-app notification, and planner
// reminders by e-mail. The same preferences web Settings writes; each switch saves at once.
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type User } from "@lm/core";
import { useState } from "react";
import { StyleSheet, Switch, Text, View } from "react-native";
import { ErrorText, Muted } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import {
  type NotificationSettings as Settings,
  notificationSettingsOf,
  useUpdateNotificationSettings,
} from "./api/update-notification-settings";

function SettingSwitch({ label, value, onChange }: { label: string; value: boolean; onChange(v: boolean): void }) {
  return (
    <View style={styles.row}>
      <Text style={styles.label}>{label}</Text>
      <Switch accessibilityLabel={label} value={value} onValueChange={onChange} />
    </View>
  );
}

export function NotificationSettings({ user }: { user: User }) {
  const update = useUpdateNotificationSettings(user.id);
  // A switch flips at once, not when the server answers (a native switch held to its old value
  // would flick back). When the last write settles the saved user speaks again: the new choices,
  // or the old ones if it failed.
  const [unsaved, setUnsaved] = useState<Settings | null>(null);
  const shown = unsaved ?? notificationSettingsOf(user);
  const save = (next: Settings) => {
    setUnsaved(next);
    update.mutate(next, { onSettled: () => setUnsaved(null) });
  };
  return (
    <View>
      <Text accessibilityRole="header" style={styles.section}>
        Notifications
      </Text>
      <Muted>Tell me in Little Monster when…</Muted>
      {NOTIFICATION_KINDS.map((k) => (
        <SettingSwitch
          key={k}
          label={NOTIFICATION_KIND_LABELS[k]}
          value={shown.notifications[k]}
          onChange={(v) => save({ ...shown, notifications: { ...shown.notifications, [k]: v } })}
        />
      ))}
      <SettingSwitch
        label="Email me planner reminders"
        value={shown.emailReminders}
        onChange={(v) => save({ ...shown, emailReminders: v })}
      />
      <ErrorText>{update.error ? errorMessage(update.error) : ""}</ErrorText>
    </View>
  );
}

const styles = StyleSheet.create({
  section: { fontSize: 18, fontWeight: "700", color: colors.text, marginTop: space.lg, marginBottom: space.sm },
  row: { flexDirection: "row", alignItems: "center", justifyContent: "space-between", marginVertical: space.xs },
  label: { color: colors.text, fontSize: 15, flexShrink: 1, marginRight: space.md },
});
