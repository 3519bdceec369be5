// The in-app inbox: each notification's title and text, newest first, marked read one by one or all;
// older pages load as the list nears its end.
import type { Notification } from "@lm/core";
import { useMemo } from "react";
import { FlatList, RefreshControl, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Loading, Muted, Title } from "../../components/ui/Screen";
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
  const inbox = useNotifications();
  const markAll = useMarkAllRead();
  const items = useMemo(() => {
    // A notification that arrives while scrolling shifts the pages; keep each id once so keys stay unique.
    const seen = new Set<string>();
    return (inbox.data?.pages ?? []).flatMap((p) => p.items).filter((n) => !seen.has(n.id) && !!seen.add(n.id));
  }, [inbox.data]);
  const anyUnread = items.some((n) => n.readAt === null);
  const header = (
    <View>
      <Title>Notifications</Title>
      <ErrorText>
        {inbox.error ? errorMessage(inbox.error) : markAll.error ? errorMessage(markAll.error) : ""}
      </ErrorText>
      {anyUnread ? (
        <Button
          label="Mark all read"
          variant="ghost"
          onPress={() => markAll.mutate()}
          busy={markAll.isPending}
          style={styles.action}
        />
      ) : null}
    </View>
  );
  return (
    <FlatList<Notification>
      testID="notifications-list"
      style={styles.list}
      contentContainerStyle={styles.content}
      data={items}
      keyExtractor={(n) => n.id}
      renderItem={({ item }) => <NotificationItem item={item} />}
      ListHeaderComponent={header}
      ListEmptyComponent={
        inbox.isPending ? (
          <Loading label="Loading notifications" />
        ) : inbox.error ? null : (
          <Muted>Nothing yet. Comments on your lessons and reminders land here.</Muted>
        )
      }
      ListFooterComponent={inbox.isFetchingNextPage ? <Loading label="Loading more notifications" /> : null}
      onEndReachedThreshold={0.5}
      onEndReached={() => {
        if (inbox.hasNextPage && !inbox.isFetchingNextPage) void inbox.fetchNextPage();
      }}
      refreshControl={<RefreshControl refreshing={inbox.isRefetching} onRefresh={() => void inbox.refetch()} />}
    />
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
  list: { flex: 1, backgroundColor: colors.bg },
  content: { padding: space.lg, paddingBottom: 48 },
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
