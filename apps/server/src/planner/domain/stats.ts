// Study statistics that depend on the student's local calendar (streaks, "this week").
// Days are the student's days: a 23:30 session in Tokyo counts for that Tokyo date.
import { isoWeekday, localDayKey, startOfLocalDay, toWallTime, wallToInstant } from "./tz.js";

export { localDayKey } from "./tz.js";

/** Monday 00:00 local of the week containing `now`, as an instant. */
export function startOfLocalWeek(now: Date, timeZone: string): Date {
  const w = toWallTime(now, timeZone);
  return wallToInstant(Date.UTC(w.year, w.month - 1, w.day - isoWeekday(w)), timeZone);
}

/**
 * Consecutive local days, ending today (or yesterday when nothing is done yet today, so the
 * streak does not read 0 all morning), with at least one completed event or one of `studyDays`
 * (local day keys with other study: watching, a finished quiz).
 */
export function streakDays(
  completedStarts: Date[],
  timeZone: string,
  now: Date,
  studyDays: Iterable<string> = [],
): number {
  const done = new Set(
    completedStarts.filter((d) => d.getTime() <= now.getTime()).map((d) => localDayKey(d, timeZone)),
  );
  for (const day of studyDays) done.add(day);
  let offset = done.has(localDayKey(now, timeZone)) ? 0 : -1;
  let streak = 0;
  // Step by local midnights (not 24 h) so 23- and 25-hour DST days are counted once each.
  while (done.has(localDayKey(startOfLocalDay(now, timeZone, offset), timeZone))) {
    streak++;
    offset--;
  }
  return streak;
}
