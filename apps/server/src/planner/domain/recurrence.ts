// Expands recurring planner events into concrete occurrences for range queries.
// Rules run on wall-clock time in the event's zone, so a 09:00 class stays at 09:00 across DST.
import rrulePkg from "rrule";
import { type ParsedRule, parseRRule, RRuleError } from "./rrule-parse.js";
import { DAY_MS, fromFloating, isValidTimeZone, toFloating } from "./tz.js";

export { formatRRule, type ParsedRule, parseRRule, RRuleError } from "./rrule-parse.js";

// rrule ships CommonJS with ESM-only typings; Node exposes it as a default export only.
const { RRule } = rrulePkg;

export interface RecurringEvent {
  startDate: Date;
  endDate: Date | null;
  rrule: string | null;
  timeZone: string;
  allDay?: boolean;
  /** Occurrence starts (instants) removed from the series, as RFC 5545 EXDATE. */
  exdates?: Date[];
}

export interface Occurrence {
  start: Date;
  end: Date | null;
}

export const DEFAULT_MAX_OCCURRENCES = 1000;
// Open-ended expansions stop here so a rule that rarely matches cannot loop for millennia.
const HORIZON_YEARS = 200;
const RRULE_WEEKDAYS = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const WEEKDAY_INDEX = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 } as const;
const FREQ = { YEARLY: RRule.YEARLY, MONTHLY: RRule.MONTHLY, WEEKLY: RRule.WEEKLY, DAILY: RRule.DAILY } as const;

/** The zone whose wall clock drives the rule (all-day events: the zone their midnights are in). */
function zoneOf(ev: RecurringEvent): string {
  if (!isValidTimeZone(ev.timeZone)) throw new RRuleError(`Unknown time zone "${ev.timeZone}"`);
  return ev.timeZone;
}

function floatingUntil(rule: ParsedRule, tz: string): Date | null {
  if (!rule.until) return null;
  if (rule.until.utc) return toFloating(rule.until.value, tz);
  // A date-only UNTIL includes the whole of that local day.
  return rule.until.dateOnly ? new Date(rule.until.value.getTime() + DAY_MS - 1) : rule.until.value;
}

function buildRule(rule: ParsedRule, dtstart: Date, tz: string) {
  return new RRule({
    freq: FREQ[rule.freq],
    dtstart,
    interval: rule.interval,
    count: rule.count,
    until: floatingUntil(rule, tz),
    wkst: WEEKDAY_INDEX[rule.wkst],
    byweekday: rule.byDay.length
      ? rule.byDay.map((d) => {
          const wd = RRULE_WEEKDAYS[WEEKDAY_INDEX[d.weekday]];
          return d.n === null ? wd : wd.nth(d.n);
        })
      : null,
    bymonthday: rule.byMonthDay.length ? rule.byMonthDay : null,
    bymonth: rule.byMonth.length ? rule.byMonth : null,
    bysetpos: rule.bySetPos.length ? rule.bySetPos : null,
  });
}

/** Every occurrence overlapping [from, to] (inclusive edges), in start order, at most `max`. */
export function expandOccurrences(
  ev: RecurringEvent,
  range: { from?: Date; to?: Date },
  opts: { max?: number } = {},
): Occurrence[] {
  const max = opts.max ?? DEFAULT_MAX_OCCURRENCES;
  const from = range.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = range.to?.getTime() ?? Number.POSITIVE_INFINITY;
  const overlaps = (o: Occurrence) => o.start.getTime() <= to && (o.end ?? o.start).getTime() >= from;
  if (!ev.rrule) {
    const only = { start: ev.startDate, end: ev.endDate };
    return overlaps(only) && max > 0 ? [only] : [];
  }
  const tz = zoneOf(ev);
  const rule = parseRRule(ev.rrule);
  const localStart = toFloating(ev.startDate, tz);
  // Timed events keep their exact length; all-day ones keep their length in calendar days.
  const exactMs = ev.endDate ? ev.endDate.getTime() - ev.startDate.getTime() : null;
  const wallMs = ev.endDate ? toFloating(ev.endDate, tz).getTime() - localStart.getTime() : null;
  const excluded = new Set((ev.exdates ?? []).map((d) => d.getTime()));
  const durationMs = Math.max(exactMs ?? 0, wallMs ?? 0);

  // rrule works in whole seconds; carry any milliseconds of the stored start separately.
  const msPart = ((localStart.getTime() % 1000) + 1000) % 1000;
  const dtstart = new Date(localStart.getTime() - msPart);
  // Search in floating time with two days of slack for offset differences, then filter exactly.
  const lo = Number.isFinite(from) ? toFloating(new Date(from - durationMs), tz).getTime() - 2 * DAY_MS : 0;
  const horizon = Date.UTC(localStart.getUTCFullYear() + HORIZON_YEARS, 0, 1);
  const hi = Number.isFinite(to) ? Math.min(toFloating(new Date(to), tz).getTime() + 2 * DAY_MS, horizon) : horizon;
  const out: Occurrence[] = [];
  if (max <= 0 || hi < dtstart.getTime()) return out;
  const after = Number.isFinite(from) ? Math.max(lo, dtstart.getTime()) : dtstart.getTime();
  buildRule(rule, dtstart, tz).between(new Date(after), new Date(hi), true, (floating: Date) => {
    const wall = floating.getTime() + msPart;
    const start = fromFloating(new Date(wall), tz);
    if (start.getTime() > to) return false;
    if (excluded.has(start.getTime())) return true;
    let end: Date | null = null;
    if (ev.allDay && wallMs !== null) end = fromFloating(new Date(wall + wallMs), tz);
    else if (exactMs !== null) end = new Date(start.getTime() + exactMs);
    const occ = { start, end };
    if (overlaps(occ)) out.push(occ);
    return out.length < max;
  });
  return out;
}

/**
 * End of the series' last occurrence, for the series_end prefilter column; null when the
 * series never ends. A non-recurring event ends at its endDate (or startDate).
 */
export function seriesEnd(
  ev: { startDate: Date; endDate: Date | null; rrule: string | null; allDay?: boolean; exdates?: Date[] },
  timeZone: string,
): Date | null {
  if (!ev.rrule) return ev.endDate ?? ev.startDate;
  const rule = parseRRule(ev.rrule);
  if (rule.count === null && rule.until === null) return null;
  // COUNT is capped by parseRRule and open-ended walks stop at the horizon, so this is bounded.
  const all = expandOccurrences({ ...ev, timeZone }, {}, { max: Number.MAX_SAFE_INTEGER });
  const last = all.at(-1);
  if (!last) return ev.endDate ?? ev.startDate;
  return last.end ?? last.start;
}

/**
 * The latest start of `rrule` (from floating `dtstart`) at or before floating `limit`, reading
 * everything as wall-clock time; used to find which VTIMEZONE observance is in force.
 */
export function lastFloatingStart(rrule: string, dtstart: Date, limit: Date): Date | null {
  if (limit.getTime() < dtstart.getTime()) return null;
  return buildRule(parseRRule(rrule), dtstart, "UTC").before(limit, true);
}
