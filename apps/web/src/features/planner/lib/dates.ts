// Calendar arithmetic in the browser's local time zone. Weeks start on Monday.
export const DAY_MS = 86_400_000;

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes());
}
export function addMonths(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth() + n, 1);
}
export function startOfWeek(d: Date): Date {
  const day = (d.getDay() + 6) % 7; // Monday = 0
  return startOfDay(addDays(d, -day));
}
export function startOfMonth(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), 1);
}
export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
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

export const WEEKDAYS = [
  { code: "MO", short: "Mon", long: "Monday" },
  { code: "TU", short: "Tue", long: "Tuesday" },
  { code: "WE", short: "Wed", long: "Wednesday" },
  { code: "TH", short: "Thu", long: "Thursday" },
  { code: "FR", short: "Fri", long: "Friday" },
  { code: "SA", short: "Sat", long: "Saturday" },
  { code: "SU", short: "Sun", long: "Sunday" },
] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number]["code"];

/** "Weekly on chosen days" as an RFC 5545 RRULE value: FREQ=WEEKLY;BYDAY=MO,WE. */
export function weeklyRule(days: readonly WeekdayCode[]): string | null {
  if (days.length === 0) return null;
  const order = WEEKDAYS.map((w) => w.code);
  const sorted = [...new Set(days)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return `FREQ=WEEKLY;BYDAY=${sorted.join(",")}`;
}

/** The days of a weekly rule this form understands (anything else: empty). */
export function parseWeeklyRule(rule: string | null | undefined): WeekdayCode[] {
  const m = rule?.startsWith("FREQ=WEEKLY") ? rule.match(/;BYDAY=([A-Z,]+)/) : null;
  if (!m) return [];
  const codes = WEEKDAYS.map((w) => w.code) as string[];
  return m[1].split(",").filter((c): c is WeekdayCode => codes.includes(c));
}

export function weekdayCode(d: Date): WeekdayCode {
  return WEEKDAYS[(d.getDay() + 6) % 7].code;
}

export const fmtTime = (d: Date) => d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
export const fmtDayLong = (d: Date) =>
  d.toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
export const fmtMonth = (d: Date) => d.toLocaleDateString(undefined, { month: "long", year: "numeric" });

/** Whole days from today until `d` (0 = today). */
export function daysUntil(d: Date, now = new Date()): number {
  return Math.round((startOfDay(d).getTime() - startOfDay(now).getTime()) / DAY_MS);
}
