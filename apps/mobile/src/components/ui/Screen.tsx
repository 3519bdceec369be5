// Page frame: background, padding, optional scrolling, and small shared text blocks.
import type { ReactNode } from "react";
import { ActivityIndicator, ScrollView, StyleSheet, Text, View } from "react-native";
import { colors, space } from "./theme";

export function Screen({ children, scroll = true }: { children: ReactNode; scroll?: boolean }) {
  if (!scroll) return <View style={styles.fill}>{children}</View>;
  return (
    <ScrollView style={styles.fill} contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
      {children}
    </ScrollView>
  );
}

export function Title({ children }: { children: ReactNode }) {
  return (
    <Text accessibilityRole="header" style={styles.title}>
      {children}
    </Text>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Text style={styles.muted}>{children}</Text>;
}

export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Text accessibilityRole="alert" style={styles.error}>
      {children}
    </Text>
  );
}

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <View style={styles.center}>
      <ActivityIndicator accessibilityLabel={label} color={colors.primary} />
    </View>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "warning" | "success" }) {
  return (
    <View accessibilityRole="summary" style={[styles.notice, styles[tone]]}>
      <Text style={styles.noticeText}>{children}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  fill: { flex: 1, backgroundColor: colors.bg },
  content: { padding: space.lg, paddingBottom: 48 },
  title: { fontSize: 24, fontWeight: "700", color: colors.text, marginBottom: space.md },
  muted: { color: colors.muted, fontSize: 14, marginBottom: space.sm },
  error: { color: colors.danger, marginVertical: space.sm },
  center: { padding: space.xl, alignItems: "center" },
  notice: { padding: space.md, borderRadius: 8, marginBottom: space.md },
  info: { backgroundColor: "#EEF2FF" },
  warning: { backgroundColor: "#FEF3C7" },
  success: { backgroundColor: "#DCFCE7" },
  noticeText: { color: colors.text },
});
