// The bell in the tab headers: opens the inbox; its accessible name carries the exact unread count.
import { Link } from "expo-router";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { colors, space } from "../../components/ui/theme";
import { useAuth } from "../auth/auth-context";
import { useUnreadCount } from "./api/get-unread-count";

export function NotificationsBell() {
  const { status } = useAuth();
  const count = useUnreadCount();
  if (status !== "signedIn") return null;
  const label = count > 0 ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link href="/notifications" asChild>
      <Pressable accessibilityRole="link" accessibilityLabel={label} hitSlop={8} style={styles.bell}>
        <Text style={styles.glyph}>🔔</Text>
        {count > 0 ? (
          // The badge stays two characters wide; the label keeps the exact number.
          <View style={styles.badge} importantForAccessibility="no-hide-descendants" aria-hidden>
            <Text style={styles.badgeText}>{count > 99 ? "99+" : count}</Text>
          </View>
        ) : null}
      </Pressable>
    </Link>
  );
}

const styles = StyleSheet.create({
  bell: { paddingHorizontal: space.md, paddingVertical: space.xs },
  glyph: { fontSize: 20 },
  badge: {
    position: "absolute",
    top: 0,
    right: 4,
    minWidth: 18,
    borderRadius: 9,
    paddingHorizontal: 4,
    backgroundColor: colors.danger,
  },
  badgeText: { color: colors.primaryText, fontSize: 11, fontWeight: "700", textAlign: "center" },
});
