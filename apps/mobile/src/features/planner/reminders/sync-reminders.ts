// Applies the reminder plan to the device's local notifications (expo-notifications).
import type { PlannerEvent } from "@lm/core";
import * as Notifications from "expo-notifications";
import { diffSchedule, planReminders, type ScheduleDiff } from "./schedule-diff";

// Show planner reminders even while the app is open (otherwise iOS and Android drop them silently).
Notifications.setNotificationHandler({
  handleNotification: async () => ({
    shouldShowBanner: true,
    shouldShowList: true,
    shouldPlaySound: true,
    shouldSetBadge: false,
  }),
});

export async function syncReminders(events: PlannerEvent[], now = new Date()): Promise<ScheduleDiff> {
  const desired = planReminders(events, now);
  const scheduled = await Notifications.getAllScheduledNotificationsAsync();
  const diff = diffSchedule(
    desired,
    scheduled.map((n) => n.identifier),
  );
  if (diff.schedule.length > 0) {
    const permission = await Notifications.getPermissionsAsync();
    const granted = permission.granted || (await Notifications.requestPermissionsAsync()).granted;
    if (!granted) return { cancel: diff.cancel, schedule: [] };
  }
  for (const id of diff.cancel) await Notifications.cancelScheduledNotificationAsync(id);
  for (const reminder of diff.schedule) {
    await Notifications.scheduleNotificationAsync({
      identifier: reminder.identifier,
      content: { title: reminder.title, body: reminder.body, data: { eventId: reminder.eventId } },
      trigger: { type: Notifications.SchedulableTriggerInputTypes.DATE, date: reminder.fireAt },
    });
  }
  return diff;
}
