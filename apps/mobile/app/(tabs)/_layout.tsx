// The five tabs (Review's carries the due count).
import { Tabs } from "expo-router";
import { type ColorValue, Text } from "react-native";
import { tabBar } from "../../src/components/ui/theme";
import { useDueBadge } from "../../src/features/cards/LiveDueCounts";
import { NotificationsBell } from "../../src/features/notifications/NotificationsBell";

const icon =
  (glyph: string) =>
  ({ color }: { color: ColorValue }) => <Text style={{ color, fontSize: 18 }}>{glyph}</Text>;

export default function TabsLayout() {
  const due = useDueBadge();
  return (
    <Tabs
      screenOptions={{
        // React Navigation's default inactive tint (half-transparent text) is ~3.3:1: too faint for AA.
        tabBarActiveTintColor: tabBar.active,
        tabBarInactiveTintColor: tabBar.inactive,
        tabBarStyle: { backgroundColor: tabBar.background },
        headerRight: () => <NotificationsBell />,
      }}
    >
      <Tabs.Screen
        name="index"
        options={{ title: "Feed", tabBarIcon: icon("▤"), tabBarAccessibilityLabel: "Feed tab" }}
      />
      <Tabs.Screen
        name="generate"
        options={{ title: "Generate", tabBarIcon: icon("✦"), tabBarAccessibilityLabel: "Generate tab" }}
      />
      <Tabs.Screen
        name="planner"
        options={{ title: "Planner", tabBarIcon: icon("▦"), tabBarAccessibilityLabel: "Planner tab" }}
      />
      <Tabs.Screen
        name="review"
        options={{
          title: "Review",
          tabBarIcon: icon("✓"),
          tabBarBadge: due,
          tabBarAccessibilityLabel: due ? `Review tab, ${due === 1 ? "1 card due" : `${due} cards due`}` : "Review tab",
        }}
      />
      <Tabs.Screen
        name="profile"
        options={{ title: "Profile", tabBarIcon: icon("☺"), tabBarAccessibilityLabel: "Profile tab" }}
      />
    </Tabs>
  );
}
