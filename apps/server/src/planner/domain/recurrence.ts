// Expands recurring planner events into concrete occurrences for range queries.
// Rules run on wall-clock time in the event's zone, so a 09:00 class stays at 09:00 across DST.
// Every walk can report to an ExpansionMeter, so a request's recurrence work is bounded.
import type { ExpansionMeter } from "./expansion-budget.js";
import { type ParsedRule, parseRRule, RRuleError } from "./rrule-parse.js";
import { everMatches, lastStartAtOrBefore, probeMatches, walkRule } from "./rrule-expand.js";
import { DAY_MS, fromFloating, isValidTimeZone, toFloating } from "./tz.js";

export { formatRRule, type ParsedRule, parseRRule, RRuleError } from "./rrule-parse.js";

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

/** Every occurrence overlapping [from, to] (inclusive edges), in start order, at most `max`. */
export function expandOccurrences(
  ev: RecurringEvent,
  range: { from?: Date; to?: Date },
  opts: { max?: number; meter?: ExpansionMeter } = {},
): Occurrence[] {
  const max = opts.max ?? DEFAULT_MAX_OCCURRENCES;
  const out: Occurrence[] = [];
  if (max <= 0) return out;
  for (const occ of occurrenceStream(ev, range, opts.meter)) {
    out.push(occ);
    if (out.length >= max) break;
  }
  return out;
}

/** The occurrences overlapping [from, to], lazily and in start order (a list takes what it needs). */
export function* occurrenceStream(
  ev: RecurringEvent,
  range: { from?: Date; to?: Date },
  meter?: ExpansionMeter,
): Generator<Occurrence> {
  const from = range.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = range.to?.getTime() ?? Number.POSITIVE_INFINITY;
  const overlaps = (o: Occurrence) => o.start.getTime() <= to && (o.end ?? o.start).getTime() >= from;
  if (!ev.rrule) {
    const only = { start: ev.startDate, end: ev.endDate };
    if (overlaps(only)) yield only;
    return;
  }
  const tz = zoneOf(ev);
  const rule = parseRRule(ev.rrule);
  const localStart = toFloating(ev.startDate, tz);
  // Timed events keep their exact length; all-day ones keep their length in calendar days.
  const exactMs = ev.endDate ? ev.endDate.getTime() - ev.startDate.getTime() : null;
  const wallMs = ev.endDate ? toFloating(ev.endDate, tz).getTime() - localStart.getTime() : null;
  const excluded = new Set((ev.exdates ?? []).map((d) => d.getTime()));
  const durationMs = Math.max(exactMs ?? 0, wallMs ?? 0);

  // Rules work in whole seconds; carry any milliseconds of the stored start separately.
  const msPart = ((localStart.getTime() % 1000) + 1000) % 1000;
  const dtstart = localStart.getTime() - msPart;
  // Search in floating time with two days of slack for offset differences, then filter exactly.
  const lo = Number.isFinite(from) ? toFloating(new Date(from - durationMs), tz).getTime() - 2 * DAY_MS : null;
  const horizon = Date.UTC(localStart.getUTCFullYear() + HORIZON_YEARS, 0, 1);
  const hi = Number.isFinite(to) ? Math.min(toFloating(new Date(to), tz).getTime() + 2 * DAY_MS, horizon) : horizon;
  const until = floatingUntil(rule, tz);
  const walk = walkRule(rule, dtstart, {
    near: lo ?? undefined,
    until: Math.min(hi, until?.getTime() ?? hi),
    meter,
  });
  for (const floating of walk) {
    if (lo !== null && floating < lo) continue;
    const wall = floating + msPart;
    const start = fromFloating(new Date(wall), tz);
    if (start.getTime() > to) return;
    if (excluded.has(start.getTime())) continue;
    let end: Date | null = null;
    if (ev.allDay && wallMs !== null) end = fromFloating(new Date(wall + wallMs), tz);
    else if (exactMs !== null) end = new Date(start.getTime() + exactMs);
    const occ = { start, end };
    if (!overlaps(occ)) continue;
    meter?.occurrence();
    yield occ;
  }
}

/** Occurrences walked between two yields of seriesEnd: a few milliseconds of time-zone arithmetic. */
const OCCURRENCES_PER_STEP = 100;

/**
 * End of the series' last occurrence, for the series_end prefilter column; null when the
 * series never ends. A non-recurring event ends at its endDate (or startDate). Run
 * checkEverMatches first: a rule that never matches makes a COUNT walk run to its limit.
 * A generator that yields during a COUNT walk (up to 5,000 occurrences, each a time-zone
 * conversion), so a server can pause between.
 */
export function* seriesEnd(
  ev: { startDate: Date; endDate: Date | null; rrule: string | null; allDay?: boolean; exdates?: Date[] },
  timeZone: string,
  meter?: ExpansionMeter,
): Generator<void, Date | null> {
  if (!ev.rrule) return ev.endDate ?? ev.startDate;
  const rule = parseRRule(ev.rrule);
  const tz = zoneOf({ ...ev, timeZone });
  const localStart = toFloating(ev.startDate, tz).getTime();
  const dtstart = localStart - (((localStart % 1000) + 1000) % 1000);
  if (rule.count === null && rule.until === null) return null;
  if (rule.count !== null) {
    // COUNT is capped by parseRRule and the meter bounds the walk to reach it.
    let last: Occurrence | undefined;
    let walked = 0;
    for (const occ of occurrenceStream({ ...ev, timeZone }, {}, meter)) {
      last = occ;
      if (++walked % OCCURRENCES_PER_STEP === 0) yield;
    }
    return last ? (last.end ?? last.start) : (ev.endDate ?? ev.startDate);
  }
  // UNTIL: the last start before it, found by looking back from UNTIL rather than walking up to
  // it. EXDATEs are ignored, so this is an upper bound, which is all a prefilter needs.
  const until = floatingUntil(rule, tz)?.getTime() ?? null;
  const horizon = Date.UTC(new Date(dtstart).getUTCFullYear() + HORIZON_YEARS, 0, 1);
  const lastStart = lastStartAtOrBefore(rule, dtstart, Math.min(until ?? horizon, horizon), { meter });
  if (lastStart === null) return ev.endDate ?? ev.startDate;
  const start = fromFloating(new Date(lastStart + (localStart - dtstart)), tz);
  const length = ev.endDate ? ev.endDate.getTime() - ev.startDate.getTime() : 0;
  // All-day series keep their length in calendar days, so one may be an hour longer across DST.
  return new Date(start.getTime() + length + (ev.allDay ? 3_600_000 : 0));
}

/**
 * The latest start of `rrule` (from floating `dtstart`) at or before floating `limit`, reading
 * everything as wall-clock time; used to find which VTIMEZONE observance is in force.
 */
export function lastFloatingStart(rrule: string, dtstart: Date, limit: Date, meter?: ExpansionMeter): Date | null {
  const rule = parseRRule(rrule);
  const at = lastStartAtOrBefore(rule, dtstart.getTime(), limit.getTime(), {
    until: floatingUntil(rule, "UTC")?.getTime() ?? null,
    meter,
  });
  return at === null ? null : new Date(at);
}

/** Refuses a rule that can never produce an occurrence from `dtstart` (floating). */
export function assertEverMatches(rrule: string, dtstart: Date, meter?: ExpansionMeter): void {
  if (!everMatches(parseRRule(rrule), dtstart.getTime(), meter)) throw new RRuleError(NEVER);
}

const NEVER = "The rule never produces an occurrence";

/**
 * Throws RRuleError when the event's rule can never produce an occurrence (such a rule only
 * ever costs a walk through the centuries). A generator: it yields between chunks of the walk.
 */
export function* checkEverMatches(
  ev: { startDate: Date; rrule: string | null },
  timeZone: string,
  meter?: ExpansionMeter,
): Generator<void, void> {
  if (!ev.rrule) return;
  const tz = zoneOf({ ...ev, endDate: null, timeZone });
  const localStart = toFloating(ev.startDate, tz).getTime();
  const dtstart = localStart - (((localStart % 1000) + 1000) % 1000);
  if (!(yield* probeMatches(parseRRule(ev.rrule), dtstart, meter))) throw new RRuleError(NEVER);
}
