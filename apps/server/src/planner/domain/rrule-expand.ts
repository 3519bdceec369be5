// Our own RRULE walker for the supported subset (rrule-parse.ts), with the same results as the
// rrule package (a differential test keeps them equal). It exists because the package cannot be
// bounded: it always walks from DTSTART and never reports periods that match nothing, so a rule
// like FREQ=DAILY;BYDAY=MO;BYSETPOS=2 spun for seconds. Here every period walked is counted
// against a budget, open-ended rules jump straight to the range asked for, and a rule that can
// never match is recognised by walking one full cycle of the Gregorian calendar.
import type { ExpansionMeter } from "./expansion-budget.js";
import type { ParsedRule, Weekday } from "./rrule-parse.js";
import { DAY_MS } from "./tz.js";

const WEEKDAY_NUMBER: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
// The Gregorian calendar repeats every 400 years (146,097 days = 20,871 weeks = 4,800 months),
// so a rule with no occurrence in one cycle of its periods has none ever.
const CYCLE_PERIODS = { DAILY: 146_097, WEEKLY: 20_871, MONTHLY: 4_800, YEARLY: 400 } as const;
// The rrule package stops at year 9999; so do we.
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;

interface Civil {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** Days since 1970-01-01 → calendar date (Howard Hinnant's civil_from_days). */
function civil(days: number): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY_MS;
const weekdayOf = (days: number) => (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (3)
const daysInMonth = (year: number, month: number) => dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);

/** The rule with the package's defaults filled in from DTSTART, split the way its filters read it. */
interface Plan {
  rule: ParsedRule;
  byMonth: number[];
  weekdays: number[];
  nthWeekdays: Array<{ weekday: number; n: number }>;
  monthDays: number[];
  /** Day number of DTSTART, and the first day of period 0. */
  startDay: number;
  firstPeriodDay: number;
  startMonthIndex: number;
  timeOfDay: number;
}

function plan(rule: ParsedRule, dtstart: number): Plan {
  const startDay = Math.floor(dtstart / DAY_MS);
  const start = civil(startDay);
  let byMonth = rule.byMonth;
  let monthDays = rule.byMonthDay;
  let byDay = rule.byDay;
  if (monthDays.length === 0 && byDay.length === 0) {
    // What the rule means without BY parts: "same day as DTSTART" at its frequency.
    if (rule.freq === "YEARLY") {
      if (byMonth.length === 0) byMonth = [start.month];
      monthDays = [start.day];
    } else if (rule.freq === "MONTHLY") monthDays = [start.day];
    else if (rule.freq === "WEEKLY") byDay = [{ weekday: weekdayKey(weekdayOf(startDay)), n: null }];
  }
  const positional = rule.freq === "MONTHLY" || rule.freq === "YEARLY";
  const wkst = WEEKDAY_NUMBER[rule.wkst];
  return {
    rule,
    byMonth,
    weekdays: byDay.filter((d) => d.n === null || !positional).map((d) => WEEKDAY_NUMBER[d.weekday]),
    nthWeekdays: byDay
      .filter((d) => d.n !== null && positional)
      .map((d) => ({ weekday: WEEKDAY_NUMBER[d.weekday], n: d.n as number })),
    monthDays,
    startDay,
    // Weekly periods are weeks starting on WKST; the one holding DTSTART is period 0.
    firstPeriodDay: rule.freq === "WEEKLY" ? startDay - ((weekdayOf(startDay) - wkst + 7) % 7) : startDay,
    startMonthIndex: start.year * 12 + (start.month - 1),
    timeOfDay: dtstart - startDay * DAY_MS,
  };
}

function weekdayKey(n: number): Weekday {
  return (Object.keys(WEEKDAY_NUMBER) as Weekday[])[n];
}

/** [first day, end day) of period k. */
function periodDays(p: Plan, k: number): [number, number] {
  const step = p.rule.interval * k;
  switch (p.rule.freq) {
    case "DAILY":
      return [p.startDay + step, p.startDay + step + 1];
    case "WEEKLY":
      // Like the rrule package, the first week starts at DTSTART itself (it matters to BYSETPOS).
      return [k === 0 ? p.startDay : p.firstPeriodDay + 7 * step, p.firstPeriodDay + 7 * step + 7];
    case "MONTHLY": {
      const m = p.startMonthIndex + step;
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      return [dayNumber(year, month, 1), dayNumber(year, month + 1, 1)];
    }
    case "YEARLY": {
      const year = Math.floor(p.startMonthIndex / 12) + step;
      return [dayNumber(year, 1, 1), dayNumber(year + 1, 1, 1)];
    }
  }
}

/** The period holding day `day` (or the last one before it); negative before DTSTART. */
function periodOf(p: Plan, day: number): number {
  const i = p.rule.interval;
  switch (p.rule.freq) {
    case "DAILY":
      return Math.floor((day - p.startDay) / i);
    case "WEEKLY":
      return Math.floor((day - p.firstPeriodDay) / (7 * i));
    case "MONTHLY": {
      const c = civil(day);
      return Math.floor((c.year * 12 + c.month - 1 - p.startMonthIndex) / i);
    }
    case "YEARLY":
      return Math.floor((civil(day).year - Math.floor(p.startMonthIndex / 12)) / i);
  }
}

/** Days matching BYDAY with a position ("2TU", "-1FR") within one month or year span. */
function nthDays(p: Plan, from: number, to: number, out: Set<number>) {
  const last = to - 1;
  for (const { weekday, n } of p.nthWeekdays) {
    const day =
      n > 0
        ? from + (n - 1) * 7 + ((weekday - weekdayOf(from) + 7) % 7)
        : last + (n + 1) * 7 - ((weekdayOf(last) - weekday + 7) % 7);
    if (day >= from && day <= last) out.add(day);
  }
}

/** The matching days of period k, in order, after BYSETPOS. */
function daysOf(p: Plan, k: number): number[] {
  const [first, end] = periodDays(p, k);
  if (first > LAST_DAY) return [];
  let nth: Set<number> | null = null;
  if (p.nthWeekdays.length > 0) {
    nth = new Set();
    const c = civil(first);
    if (p.rule.freq === "YEARLY" && p.byMonth.length > 0) {
      for (const m of p.byMonth) nthDays(p, dayNumber(c.year, m, 1), dayNumber(c.year, m + 1, 1), nth);
    } else nthDays(p, first, end, nth);
  }
  const days: number[] = [];
  for (let day = first; day < end; day++) {
    if (nth && !nth.has(day)) continue;
    if (p.weekdays.length > 0 && !p.weekdays.includes(weekdayOf(day))) continue;
    if (p.byMonth.length > 0 || p.monthDays.length > 0) {
      const c = civil(day);
      if (p.byMonth.length > 0 && !p.byMonth.includes(c.month)) continue;
      if (p.monthDays.length > 0) {
        const fromEnd = c.day - daysInMonth(c.year, c.month) - 1;
        if (!p.monthDays.includes(c.day) && !p.monthDays.includes(fromEnd)) continue;
      }
    }
    days.push(day);
  }
  if (p.rule.bySetPos.length === 0) return days;
  const picked = new Set<number>();
  for (const pos of p.rule.bySetPos) {
    const day = days[pos > 0 ? pos - 1 : days.length + pos];
    if (day !== undefined) picked.add(day);
  }
  return [...picked].sort((a, b) => a - b);
}

export interface WalkOptions {
  /** Floating ms: start walking near here (ignored for COUNT rules, which count from DTSTART). */
  near?: number;
  /** Floating UNTIL in ms (inclusive), already resolved by the caller. */
  until?: number | null;
  meter?: ExpansionMeter;
}

/**
 * Occurrence starts as floating ms (wall-clock time encoded as UTC), in order, from DTSTART
 * (`dtstart`, floating ms, whole seconds). With `near`, open-ended rules begin at the period
 * before it: everything yielded is still a real occurrence, earlier ones are skipped.
 */
export function* walkRule(rule: ParsedRule, dtstart: number, opts: WalkOptions = {}): Generator<number> {
  const p = plan(rule, dtstart);
  const until = opts.until ?? null;
  let left = rule.count ?? Number.POSITIVE_INFINITY;
  let k = 0;
  if (opts.near !== undefined && rule.count === null) k = Math.max(0, periodOf(p, Math.floor(opts.near / DAY_MS)) - 1);
  for (; ; k++) {
    opts.meter?.iterate();
    const first = periodDays(p, k)[0];
    // Past UNTIL (or the last representable year) nothing more can come, matching or not.
    if (first > LAST_DAY || (until !== null && first * DAY_MS > until)) return;
    for (const day of daysOf(p, k)) {
      const at = day * DAY_MS + p.timeOfDay;
      if (until !== null && at > until) return;
      if (at < dtstart) continue;
      yield at;
      if (--left === 0) return;
    }
  }
}

/** The most days one period can hold: BYSETPOS beyond it can never pick anything. */
function maxSetSize(p: Plan): number {
  switch (p.rule.freq) {
    case "DAILY":
      return 1;
    case "WEEKLY":
      return p.weekdays.length > 0 ? new Set(p.weekdays).size : 7;
    case "MONTHLY":
      return 31;
    case "YEARLY":
      return 366;
  }
}

const PROBE_CHUNK = 2048;

/**
 * Whether the rule (ignoring COUNT and UNTIL) matches any day at all. A generator that yields
 * every few thousand periods, so an async caller can give the event loop a turn between chunks.
 */
export function* probeMatches(rule: ParsedRule, dtstart: number, meter?: ExpansionMeter): Generator<void, boolean> {
  const p = plan(rule, dtstart);
  const size = maxSetSize(p);
  if (rule.bySetPos.length > 0 && rule.bySetPos.every((pos) => Math.abs(pos) > size)) return false;
  // One period more than the cycle, because period 0 loses its days before DTSTART.
  for (let k = 0; k <= CYCLE_PERIODS[rule.freq]; k++) {
    if (k > 0 && k % PROBE_CHUNK === 0) yield;
    meter?.iterate();
    const [first] = periodDays(p, k);
    if (first > LAST_DAY) return false;
    if (daysOf(p, k).some((day) => day * DAY_MS + p.timeOfDay >= dtstart)) return true;
  }
  return false;
}

/** probeMatches run to the end in one go (for callers that cannot pause). */
export function everMatches(rule: ParsedRule, dtstart: number, meter?: ExpansionMeter): boolean {
  const probe = probeMatches(rule, dtstart, meter);
  for (;;) {
    const step = probe.next();
    if (step.done) return step.value;
  }
}

/**
 * The latest start at or before floating `limit`, or null. Open-ended rules look back from
 * `limit` a widening number of periods instead of walking from DTSTART.
 */
export function lastStartAtOrBefore(
  rule: ParsedRule,
  dtstart: number,
  limit: number,
  opts: { until?: number | null; meter?: ExpansionMeter } = {},
): number | null {
  if (limit < dtstart) return null;
  const bound = opts.until != null ? Math.min(limit, opts.until) : limit;
  const lastBefore = (near?: number) => {
    let last: number | null = null;
    for (const at of walkRule(rule, dtstart, { near, until: bound, meter: opts.meter })) last = at;
    return last;
  };
  if (rule.count !== null) return lastBefore();
  const p = plan(rule, dtstart);
  const end = periodOf(p, Math.floor(bound / DAY_MS));
  for (let back = 2; ; back *= 4) {
    const from = end - back;
    if (from <= 0) return lastBefore();
    const found = lastBefore(periodDays(p, from)[0] * DAY_MS);
    if (found !== null) return found;
  }
}
