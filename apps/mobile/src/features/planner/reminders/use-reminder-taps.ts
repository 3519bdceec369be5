// Tapping a planner reminder opens the planner (the notification carries the event id).
import * as Notifications from "expo-notifications";
import { useRouter } from "expo-router";
import { useEffect } from "react";

export function useReminderTaps(): void {
  const router = useRouter();
  useEffect(() => {
    const sub = Notifications.addNotificationResponseReceivedListener((response) => {
      const eventId = response.notification.request.content.data?.eventId;
      if (typeof eventId === "string") router.push({ pathname: "/planner/event", params: { id: eventId } });
    });
    return () => sub.remove();
  }, [router]);
}
