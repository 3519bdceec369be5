// Calendar arithmetic in the browser's local time zone. Weeks start on Monday; the day arithmetic
// the mobile planner shares (startOfDay, addDays, startOfWeek, dayKey) lives in core.
import { addDays, dayKey, startOfDay, startOfWeek } from "@lm/core";

export { addDays, dayKey, startOfDay, startOfWeek } from "@lm/core";
export const DAY_MS = 86_400_000;

export function addMonths(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth() + n, 1);
}
export function startOfMonth(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), 1);
}
export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** The 6×7 (or 5×7) grid of days shown for the month containing `d`. */
export function monthGrid(d: Date): Date[] {
  const first = startOfWeek(startOfMonth(d));
  const last = addDays(startOfMonth(addMonths(d, 1)), -1);
  const days: Date[] = [];
  for (let day = first; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

export function weekDays(d: Date): Date[] {
  const first = startOfWeek(d);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** Local date ("2026-11-26") and time ("09:30") from form inputs, as an ISO instant. */
export function toIso(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = (time || "00:00").split(":").map(Number);
  return new Date(y, m - 1, d, hh, mm).toISOString();
}
export function dateInput(d: Date): string {
  return dayKey(d);
}
export function timeInput(d: Date): string {
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

// The weekly-repeat helpers are shared with the mobile app, so they live in core.
export { parseWeeklyRule, WEEKDAYS, type WeekdayCode, weekdayCode, weeklyRule } from "@lm/core";

export const fmtTime = (d: Date) => d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
export const fmtDayLong = (d: Date) =>
  d.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
export const fmtMonth = (d: Date) => d.toLocaleDateString(undefined, { month: "long", year: "numeric" });

/** Whole days from today until `d` (0 = today). */
export function daysUntil(d: Date, now = new Date()): number {
  return Math.round((startOfDay(d).getTime() - startOfDay(now).getTime()) / DAY_MS);
}
