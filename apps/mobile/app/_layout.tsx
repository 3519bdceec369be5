// Root of the app: providers, then a stack with the tabs, the lesson player and the auth screens.
// The student's live channel and the device's reminders live here, not in the tabs: a screen opened
// straight from a link (an event, a lesson) must still hear a reminder or a new due count.
import { Stack } from "expo-router";
import { StatusBar } from "expo-status-bar";
import { LiveDueCounts } from "../src/features/cards/LiveDueCounts";
import { LiveNotifications } from "../src/features/notifications/LiveNotifications";
import { ReminderSync } from "../src/features/planner/reminders/ReminderSync";
import { AppProviders } from "../src/lib/providers";

export default function RootLayout() {
  return (
    <AppProviders>
      <StatusBar style="auto" />
      <ReminderSync />
      <LiveNotifications />
      <LiveDueCounts />
      <Stack>
        <Stack.Screen name="(tabs)" options={{ headerShown: false }} />
        <Stack.Screen name="video/[id]" options={{ title: "Lesson" }} />
        <Stack.Screen name="planner/event" options={{ title: "Event" }} />
        <Stack.Screen name="notifications" options={{ title: "Notifications" }} />
        <Stack.Screen name="login" options={{ title: "Log in" }} />
        <Stack.Screen name="register" options={{ title: "Sign up" }} />
        <Stack.Screen name="forgot-password" options={{ title: "Forgot password" }} />
        <Stack.Screen name="verify-email" options={{ title: "Verify email" }} />
        <Stack.Screen name="reset-password" options={{ title: "Reset password" }} />
      </Stack>
    </AppProviders>
  );
}
