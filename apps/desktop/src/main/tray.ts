// The tray icon: unread count in the tooltip (and title on macOS) and today's agenda in its menu.
// The page pushes the status over IPC; it is validated here before it reaches the OS.
import type { MenuItemConstructorOptions, Tray } from "electron";
import type { TrayStatus } from "../shared/bridge.js";

export const EMPTY_STATUS: TrayStatus = { unreadCount: 0, agenda: [] };

export function parseTrayStatus(value: unknown): TrayStatus | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.unreadCount) || (v.unreadCount as number) < 0 || !Array.isArray(v.agenda)) return null;
  const agenda: TrayStatus["agenda"] = [];
  for (const item of v.agenda.slice(0, 10)) {
    const title = (item as Record<string, unknown>)?.title;
    const startsAt = (item as Record<string, unknown>)?.startsAt;
    if (typeof title !== "string" || typeof startsAt !== "string" || Number.isNaN(Date.parse(startsAt))) continue;
    agenda.push({ title: title.slice(0, 80), startsAt });
  }
  return { unreadCount: Math.min(v.unreadCount as number, 9_999), agenda };
}

export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

export function trayTooltip(status: TrayStatus): string {
  const unread = status.unreadCount === 1 ? "1 unread notification" : `${status.unreadCount} unread notifications`;
  const today = status.agenda.length === 1 ? "1 item today" : `${status.agenda.length} items today`;
  return `Little Monster — ${unread}, ${today}`;
}

export interface TrayActions {
  show(): void;
  openPlanner(): void;
  quit(): void;
}

export function buildTrayMenu(
  status: TrayStatus,
  actions: TrayActions,
  format: (iso: string) => string = (iso) => formatTime(iso),
): MenuItemConstructorOptions[] {
  const agenda: MenuItemConstructorOptions[] =
    status.agenda.length === 0
      ? [{ label: "Nothing planned today", enabled: false }]
      : status.agenda.map((item) => ({ label: `${format(item.startsAt)}  ${item.title}`, click: actions.openPlanner }));
  return [
    { label: `Unread: ${status.unreadCount}`, enabled: false },
    { type: "separator" },
    { label: "Today", enabled: false },
    ...agenda,
    { type: "separator" },
    { label: "Open Little Monster", click: actions.show },
    { label: "Quit", click: actions.quit },
  ];
}

/** Applies a status; `buildMenu` is Menu.buildFromTemplate in the app. */
export function applyTrayStatus<M>(
  tray: Pick<Tray, "setToolTip" | "setTitle"> & { setContextMenu(menu: M | null): void },
  buildMenu: (template: MenuItemConstructorOptions[]) => M,
  status: TrayStatus,
  actions: TrayActions,
): void {
  tray.setToolTip(trayTooltip(status));
  tray.setTitle(status.unreadCount > 0 ? String(status.unreadCount) : ""); // macOS menu-bar text
  tray.setContextMenu(buildMenu(buildTrayMenu(status, actions)));
}
