// A "repeat every week on these days" rule, as the web and mobile planners write and read it.
// The server parses full RFC 5545 RRULEs; these forms only offer FREQ=WEEKLY;BYDAY=.. (zod-free).

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
