// Planner reminders from the page become OS notifications. The payload is re-validated here:
// the renderer is untrusted input as far as the main process is concerned.
import type { NotificationConstructorOptions } from "electron";
import type { ReminderNotice } from "../shared/bridge.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseReminder(value: unknown): ReminderNotice | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.title !== "string" || v.title.trim() === "") return null;
  const reminder: ReminderNotice = { title: v.title.trim().slice(0, 200) };
  if (typeof v.body === "string" && v.body !== "") reminder.body = v.body.slice(0, 1000);
  if (typeof v.eventId === "string" && UUID.test(v.eventId)) reminder.eventId = v.eventId;
  return reminder;
}

/** What we need of Electron's Notification: construct, listen for click, show. */
export interface NotificationLike {
  on(event: "click" | "close", listener: () => void): unknown;
  show(): void;
}
export interface NotificationPort {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationLike;
}

export function notificationOptions(reminder: ReminderNotice): NotificationConstructorOptions {
  // Plain text only: some Linux notification daemons render markup in the body.
  return { title: reminder.title, body: reminder.body ?? "", silent: false };
}

// Electron garbage-collects a Notification nobody references, and its click handler with it.
const showing = new Set<NotificationLike>();

/** Shows the reminder; a click opens the planner. Returns false when nothing was shown. */
export function showReminder(port: NotificationPort, payload: unknown, onClick: (reminder: ReminderNotice) => void) {
  const reminder = parseReminder(payload);
  if (!reminder || !port.isSupported()) return false;
  const notification = port.create(notificationOptions(reminder));
  showing.add(notification);
  notification.on("click", () => {
    showing.delete(notification);
    onClick(reminder);
  });
  notification.on("close", () => showing.delete(notification));
  notification.show();
  return true;
}
