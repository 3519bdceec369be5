// The in-app inbox: each notification's title and text, newest first, marked read one by one or all.
import type { Notification } from "@lm/core";
import { StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Loading, Muted, Screen, Title } from "../../components/ui/Screen";
import { colors, radius, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { RequireAuth } from "../auth/RequireAuth";
import { useNotifications } from "./api/get-notifications";
import { useMarkAllRead, useMarkRead } from "./api/mark-read";

function NotificationItem({ item }: { item: Notification }) {
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  return (
    <View style={[styles.item, unread && styles.unread]} accessibilityLabel={`Notification: ${item.title}`}>
      <Text style={styles.title}>{item.title}</Text>
      {item.body ? <Text style={styles.body}>{item.body}</Text> : null}
      <Text style={styles.meta}>{new Date(item.createdAt).toLocaleString()}</Text>
      {unread ? (
        <Button
          label="Mark read"
          accessibilityLabel={`Mark read: ${item.title}`}
          variant="secondary"
          onPress={() => markRead.mutate(item.id)}
          busy={markRead.isPending}
          style={styles.action}
        />
      ) : null}
      <ErrorText>{markRead.error ? errorMessage(markRead.error) : ""}</ErrorText>
    </View>
  );
}

function Inbox() {
  const { data, isLoading, error } = useNotifications();
  const markAll = useMarkAllRead();
  const anyUnread = data?.some((n) => n.readAt === null) ?? false;
  return (
    <Screen>
      <Title>Notifications</Title>
      {isLoading ? <Loading label="Loading notifications" /> : null}
      <ErrorText>{error ? errorMessage(error) : markAll.error ? errorMessage(markAll.error) : ""}</ErrorText>
      {data && data.length === 0 ? <Muted>Nothing yet. Comments on your lessons and reminders land here.</Muted> : null}
      {anyUnread ? (
        <Button
          label="Mark all read"
          variant="ghost"
          onPress={() => markAll.mutate()}
          busy={markAll.isPending}
          style={styles.action}
        />
      ) : null}
      {data?.map((n) => (
        <NotificationItem key={n.id} item={n} />
      ))}
    </Screen>
  );
}

export function NotificationsScreen() {
  return (
    <RequireAuth title="Notifications">
      <Inbox />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  item: {
    backgroundColor: colors.card,
    borderRadius: radius,
    borderWidth: 1,
    borderColor: colors.border,
    padding: space.md,
    marginBottom: space.md,
  },
  unread: { borderLeftWidth: 4, borderLeftColor: colors.primary },
  title: { fontSize: 16, fontWeight: "600", color: colors.text },
  body: { fontSize: 14, color: colors.text, marginTop: space.xs },
  meta: { fontSize: 12, color: colors.muted, marginTop: space.xs },
  action: { marginTop: space.sm },
});
