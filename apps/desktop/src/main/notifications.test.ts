// Reminder → OS notification, with a fake Notification port.
import { describe, expect, it } from "vitest";
import type { NotificationConstructorOptions } from "electron";
import type { ReminderNotice } from "../shared/bridge.js";
import { type NotificationPort, parseReminder, showReminder } from "./notifications.js";

const EVENT = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";

function fakePort(supported = true) {
  const shown: NotificationConstructorOptions[] = [];
  const clickers: Array<() => void> = [];
  const port: NotificationPort = {
    isSupported: () => supported,
    create: (options) => ({
      on: (event, listener) => {
        if (event === "click") clickers.push(listener);
      },
      show: () => shown.push(options),
    }),
  };
  return { port, shown, clickers };
}

describe("showReminder", () => {
  it("shows a planner reminder as an OS notification", () => {
    const { port, shown } = fakePort();
    const ok = showReminder(port, { title: "Biology exam", body: "Starts in 30 minutes", eventId: EVENT }, () => {});
    expect(ok).toBe(true);
    expect(shown).toEqual([{ title: "Biology exam", body: "Starts in 30 minutes", silent: false }]);
  });

  it("opens the planner when the notification is clicked", () => {
    const { port, clickers } = fakePort();
    const clicked: ReminderNotice[] = [];
    showReminder(port, { title: "Study", eventId: EVENT }, (r) => clicked.push(r));
    clickers[0]();
    expect(clicked).toEqual([{ title: "Study", eventId: EVENT }]);
  });

  it("shows nothing for an invalid payload or where notifications are unsupported", () => {
    const { port, shown } = fakePort();
    expect(showReminder(port, { title: "" }, () => {})).toBe(false);
    expect(showReminder(port, "Biology", () => {})).toBe(false);
    expect(showReminder(port, null, () => {})).toBe(false);
    expect(shown).toEqual([]);
    const unsupported = fakePort(false);
    expect(showReminder(unsupported.port, { title: "x" }, () => {})).toBe(false);
    expect(unsupported.shown).toEqual([]);
  });
});

describe("parseReminder", () => {
  it("trims and caps text and drops unknown fields and bad event ids", () => {
    const r = parseReminder({ title: `  ${"t".repeat(500)} `, body: "b".repeat(5000), eventId: "../x", extra: 1 });
    expect(r?.title).toHaveLength(200);
    expect(r?.body).toHaveLength(1000);
    expect(r).not.toHaveProperty("eventId");
    expect(r).not.toHaveProperty("extra");
  });
});
