// Wall-clock <-> instant conversion in IANA time zones, using only Intl.DateTimeFormat.
// Shared by recurrence expansion, .ics import/export, study planning and stats.

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for unknown zones; callers validate first with isValidTimeZone.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function toWallTime(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === "era")?.value;
  const year = era === "BC" ? 1 - get("year") : get("year");
  return {
    year,
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** Wall time encoded as if it were UTC: handy for arithmetic on local calendars. */
export function wallToEpoch(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Date.UTC without its quirk of reading years 0–99 as 1900–1999 (month is 1-12). */
export function utcEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return wallToEpoch({ year, month, day, hour, minute, second, millisecond: 0 });
}

export function epochToWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** UTC offset of `timeZone` at `instant`, in milliseconds (east of Greenwich is positive). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallToEpoch(toWallTime(new Date(instant), timeZone)) - instant;
}

/**
 * The instant at which clocks in `timeZone` read `wall`.
 * Like Temporal's "compatible" disambiguation: a time inside a spring-forward gap moves
 * forward by the gap (02:30 that never happened → 03:30), and an ambiguous time in the
 * autumn overlap takes the earlier (first) instant.
 */
export function wallToInstant(wall: WallTime | number, timeZone: string): Date {
  const local = typeof wall === "number" ? wall : wallToEpoch(wall);
  // Offsets a day either side bracket any single transition near `local`.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  // No transition within a day either side (nearly always): one offset, one answer.
  if (before === after) return new Date(local - before);
  const candidates = [local - before, local - after].filter((t) => t + offsetAt(t, timeZone) === local);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset in force before the transition.
  return new Date(local - before);
}

/** The instant re-encoded as its wall-clock time pretending to be UTC ("floating"). */
export function toFloating(instant: Date, timeZone: string): Date {
  return new Date(wallToEpoch(toWallTime(instant, timeZone)));
}

/** Inverse of toFloating. */
export function fromFloating(floating: Date, timeZone: string): Date {
  return wallToInstant(floating.getTime(), timeZone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** YYYY-MM-DD of the local calendar day containing `d`. */
export function localDayKey(d: Date, timeZone: string): string {
  const w = toWallTime(d, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Local midnight starting the calendar day `days` after the one containing `d`. */
export function startOfLocalDay(d: Date, timeZone: string, days = 0): Date {
  const w = toWallTime(d, timeZone);
  return wallToInstant(Date.UTC(w.year, w.month - 1, w.day + days), timeZone);
}

/** Day of week of a wall time, 0 = Monday … 6 = Sunday. */
export function isoWeekday(w: WallTime): number {
  return (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
}

export { DAY as DAY_MS, MINUTE as MINUTE_MS };
