// Invisible: whenever the user's events change, bring the device's local reminders in line,
// and open the event when one of its reminders is tapped.
import { useEffect } from "react";
import { useAuth } from "../../auth/auth-context";
import { useEvents } from "../api/get-events";
import { syncReminders } from "./sync-reminders";
import { useReminderTaps } from "./use-reminder-taps";

export function ReminderSync() {
  const { status } = useAuth();
  const events = useEvents();
  useReminderTaps();
  useEffect(() => {
    if (status === "signedOut") void syncReminders([]).catch(() => undefined);
    else if (events.data) void syncReminders(events.data).catch(() => undefined);
  }, [status, events.data]);
  return null;
}
