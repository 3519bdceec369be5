// Calendar arithmetic in the device's local time zone, shared by the web and mobile planners.
// Weeks start on Monday. Days are built from parts, not by adding 24 h, so DST shifts do not drift.

const pad = (n: number) => String(n).padStart(2, "0");

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** `n` calendar days later (or earlier), keeping the hour and minute. */
export function addDays(d: Date, n: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, d.getHours(), d.getMinutes());
}

/** Midnight of the Monday on or before `d`. */
export function startOfWeek(d: Date): Date {
  const day = startOfDay(d);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The local day as "YYYY-MM-DD": a grouping key and a date input's value. */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
