// The tray: unread count and today's agenda, from a status the page sends (validated here).
import { describe, expect, it } from "vitest";
import type { MenuItemConstructorOptions } from "electron";
import type { TrayStatus } from "../shared/bridge.js";
import { applyTrayStatus, buildTrayMenu, parseTrayStatus, trayTooltip } from "./tray.js";

const actions = { show: () => {}, openPlanner: () => {}, quit: () => {} };
const status: TrayStatus = {
  unreadCount: 3,
  agenda: [
    { title: "Biology revision", startsAt: "2026-11-26T09:00:00.000Z" },
    { title: "Maths exam", startsAt: "2026-11-26T14:30:00.000Z" },
  ],
};
const utc = (iso: string) => new Date(iso).toISOString().slice(11, 16);

describe("tray", () => {
  it("lists today's agenda with times and the unread count", () => {
    const labels = buildTrayMenu(status, actions, utc).map((i) => i.label);
    expect(labels).toContain("Unread: 3");
    expect(labels).toContain("09:00  Biology revision");
    expect(labels).toContain("14:30  Maths exam");
  });

  it("says so when nothing is planned", () => {
    expect(buildTrayMenu({ unreadCount: 0, agenda: [] }, actions).map((i) => i.label)).toContain(
      "Nothing planned today",
    );
  });

  it("applies tooltip, macOS title and menu to the tray", () => {
    const calls: Record<string, unknown> = {};
    applyTrayStatus(
      {
        setToolTip: (t: string) => {
          calls.tooltip = t;
        },
        setTitle: (t: string) => {
          calls.title = t;
        },
        setContextMenu: (m: MenuItemConstructorOptions[] | null) => {
          calls.menu = m;
        },
      },
      (template) => template,
      status,
      actions,
    );
    expect(calls.tooltip).toBe("Little Monster — 3 unread notifications, 2 items today");
    expect(calls.title).toBe("3");
    expect(Array.isArray(calls.menu)).toBe(true);
  });

  it("validates what the page sends", () => {
    expect(parseTrayStatus({ unreadCount: -1, agenda: [] })).toBeNull();
    expect(parseTrayStatus({ unreadCount: 1.5, agenda: [] })).toBeNull();
    expect(parseTrayStatus("x")).toBeNull();
    const parsed = parseTrayStatus({
      unreadCount: 2,
      agenda: [{ title: "ok", startsAt: "2026-11-26T09:00:00Z" }, { title: "bad date", startsAt: "soon" }, 7],
    });
    expect(parsed).toEqual({ unreadCount: 2, agenda: [{ title: "ok", startsAt: "2026-11-26T09:00:00Z" }] });
    expect(trayTooltip({ unreadCount: 1, agenda: [status.agenda[0]] })).toBe(
      "Little Monster — 1 unread notification, 1 item today",
    );
  });
});
