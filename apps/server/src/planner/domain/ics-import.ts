// Imports VEVENTs from .ics files exported by Google, Apple and Outlook calendars.
// All-or-nothing: any malformed event rejects the whole file with an IcsImportError saying why.
import { type IcsComponent, IcsImportError, type IcsProperty, param, parseComponentsSteps, prop } from "./ics-lexer.js";
import { type ZoneResolver, zoneLookup } from "./ics-zones.js";
import { formatRRule, parseRRule, RRuleError } from "./rrule-parse.js";
import { DAY_MS, isValidTimeZone, utcEpoch, wallToInstant } from "./tz.js";
import { unescapeText } from "./ics-format.js";

export { IcsImportError } from "./ics-lexer.js";

export interface ImportedEvent {
  uid: string | null;
  title: string;
  description: string | null;
  startDate: Date;
  endDate: Date | null;
  allDay: boolean;
  rrule: string | null;
  reminders: number[];
  /** IANA zone of DTSTART when it had one (null for UTC or floating times). */
  timeZone: string | null;
  /**
   * Occurrence starts removed from the series: EXDATEs plus cancelled single occurrences.
   * The planner table has no column for these yet; expandOccurrences accepts them.
   */
  exdates: Date[];
  /** CATEGORIES values, unescaped (our own export writes the type and subject here). */
  categories: string[];
}

export interface ImportOptions {
  maxEvents?: number;
  /** Zone for floating times and all-day dates; else the file's X-WR-TIMEZONE; else UTC. */
  defaultTimeZone?: string;
}

export const DEFAULT_MAX_EVENTS = 5000;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_REMINDER_MINUTES = 40_320;
const MAX_REMINDERS = 5;

interface DateValue {
  instant: Date;
  /** Wall-clock time encoded as UTC, for nominal (calendar-day) arithmetic. */
  wall: number;
  dateOnly: boolean;
  zone: ZoneResolver;
}

type Context = { describe: string; zoneFor: (tzid: string, line: number) => ZoneResolver; floating: ZoneResolver };

const fail = (ctx: Context, p: { line: number }, message: string): never => {
  throw new IcsImportError(`${ctx.describe}: ${message}`, p.line);
};

function parseDate(p: IcsProperty, ctx: Context): DateValue {
  const value = p.value.trim();
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return fail(ctx, p, `${p.name} "${value}" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const wall = utcEpoch(y, mo, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) {
    return fail(ctx, p, `${p.name} "${value}" is not a real date`);
  }
  const dateOnly = m[4] === undefined;
  if (dateOnly !== (param(p, "VALUE") === "DATE") && param(p, "VALUE") !== undefined) {
    return fail(ctx, p, `${p.name} "${value}" does not match VALUE=${param(p, "VALUE")}`);
  }
  const utc: ZoneResolver = { iana: null, toInstant: (w) => new Date(w) };
  const tzid = param(p, "TZID");
  // All-day dates belong to the student's calendar, whatever zone the source file was in.
  let zone = !dateOnly && m[7] ? utc : ctx.floating;
  if (!dateOnly && !m[7] && tzid) {
    try {
      zone = ctx.zoneFor(tzid, p.line);
    } catch (err) {
      if (err instanceof IcsImportError) fail(ctx, p, err.reason);
      throw err;
    }
  }
  return { instant: zone.toInstant(wall), wall, dateOnly, zone };
}

/** RFC 5545 DURATION: [+|-]P(nW | nD [T nH nM nS] | T nH nM nS). Returns { days, ms }. */
export function parseDuration(value: string): { sign: 1 | -1; days: number; ms: number } | null {
  const m = /^([+-])?P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?)$/.exec(value.trim());
  if (!m || value.trim().endsWith("T") || /^[+-]?P$/.test(value.trim())) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return { sign: m[1] === "-" ? -1 : 1, days: n(2) * 7 + n(3), ms: ((n(4) * 60 + n(5)) * 60 + n(6)) * 1000 };
}

function eventEnd(ev: IcsComponent, start: DateValue, ctx: Context): Date | null {
  const dtend = prop(ev, "DTEND");
  const duration = prop(ev, "DURATION");
  if (dtend && duration) fail(ctx, dtend, "has both DTEND and DURATION");
  if (dtend) {
    const end = parseDate(dtend, ctx);
    if (end.instant < start.instant) fail(ctx, dtend, "DTEND is before DTSTART");
    return end.instant;
  }
  if (duration) {
    const d = parseDuration(duration.value);
    if (!d) return fail(ctx, duration, `DURATION "${duration.value}" is not like PT1H30M, P1D or P1W`);
    if (d.sign < 0) fail(ctx, duration, "DURATION is negative");
    // Days are calendar days (a P1D across a DST change is 23 or 25 hours); the rest is exact.
    const afterDays = d.days ? start.zone.toInstant(start.wall + d.days * DAY_MS) : start.instant;
    return new Date(afterDays.getTime() + d.ms);
  }
  // RFC 5545: an all-day event without an end lasts that one day; a timed one ends as it starts.
  return start.dateOnly ? start.zone.toInstant(start.wall + DAY_MS) : null;
}

function reminders(ev: IcsComponent, start: Date, end: Date | null): number[] {
  const minutes = new Set<number>();
  for (const alarm of ev.components.filter((c) => c.name === "VALARM")) {
    const trigger = prop(alarm, "TRIGGER");
    if (!trigger) continue;
    let at: number;
    if (param(trigger, "VALUE") === "DATE-TIME") {
      const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(trigger.value.trim());
      if (!m) continue;
      at = utcEpoch(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]);
    } else {
      const d = parseDuration(trigger.value);
      if (!d) continue;
      const anchor = param(trigger, "RELATED") === "END" && end ? end : start;
      at = anchor.getTime() + d.sign * (d.days * DAY_MS + d.ms);
    }
    const before = Math.round((start.getTime() - at) / 60_000);
    // Alarms after the start, or further ahead than four weeks, have no planner equivalent.
    if (before >= 0 && before <= MAX_REMINDER_MINUTES) minutes.add(before);
  }
  return [...minutes].sort((a, b) => a - b).slice(0, MAX_REMINDERS);
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max).join("") : s;
}

function importEvent(ev: IcsComponent, ctx: Context): ImportedEvent {
  const dtstart = prop(ev, "DTSTART");
  if (!dtstart) return fail(ctx, ev, "has no DTSTART");
  const start = parseDate(dtstart, ctx);
  const endDate = eventEnd(ev, start, ctx);
  const rruleProp = prop(ev, "RRULE");
  let rrule: string | null = null;
  if (rruleProp) {
    try {
      rrule = formatRRule(parseRRule(rruleProp.value));
    } catch (err) {
      if (err instanceof RRuleError) fail(ctx, rruleProp, `RRULE is not usable: ${err.message}`);
      throw err;
    }
  }
  const text = (name: string) => {
    const p = prop(ev, name);
    return p ? unescapeText(p.value).trim() : "";
  };
  const uid = text("UID");
  const description = truncate(text("DESCRIPTION"), MAX_DESCRIPTION);
  return {
    uid: uid || null,
    title: truncate(text("SUMMARY") || "(untitled)", MAX_TITLE),
    description: description || null,
    startDate: start.instant,
    endDate,
    allDay: start.dateOnly,
    rrule,
    reminders: reminders(ev, start.instant, endDate),
    timeZone: start.dateOnly ? null : start.zone.iana,
    exdates: rrule ? dateList(ev, "EXDATE", ctx) : [],
    categories: ev.properties
      .filter((p) => p.name === "CATEGORIES")
      // Values are comma-separated; an escaped comma ("\,") belongs to the value.
      .flatMap((p) => p.value.split(/(?<!\\),/).map((c) => unescapeText(c).trim()))
      .filter(Boolean),
  };
}

/** Every value of a (possibly repeated, comma-separated) date property such as EXDATE. */
function dateList(ev: IcsComponent, name: string, ctx: Context): Date[] {
  return ev.properties
    .filter((p) => p.name === name)
    .flatMap((p) => p.value.split(",").map((value) => parseDate({ ...p, value }, ctx).instant));
}

/** Parses every VEVENT in `text`. Throws IcsImportError (with line and event) on malformed input. */
export function parseICalendar(text: string, opts: ImportOptions = {}): ImportedEvent[] {
  const steps = parseICalendarSteps(text, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** parseICalendar as a generator that yields after each event, so a server can pause between. */
export function* parseICalendarSteps(text: string, opts: ImportOptions = {}): Generator<void, ImportedEvent[]> {
  const maxEvents = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
  let seen = 0;
  const calendars = yield* parseComponentsSteps(text, (name, line) => {
    if (name === "VEVENT" && ++seen > maxEvents) {
      throw new IcsImportError(`the file has more than ${maxEvents} events; split it and import in parts`, line);
    }
  });
  const out: ImportedEvent[] = [];
  for (const calendar of calendars) {
    const zoneFor = zoneLookup(calendar);
    const wrZone = prop(calendar, "X-WR-TIMEZONE")?.value.trim();
    const defaultZone = opts.defaultTimeZone ?? (wrZone && isValidTimeZone(wrZone) ? wrZone : "UTC");
    if (!isValidTimeZone(defaultZone)) throw new IcsImportError(`unknown default time zone "${defaultZone}"`);
    const floating: ZoneResolver = { iana: defaultZone, toInstant: (w) => wallToInstant(w, defaultZone) };
    const events = calendar.components.filter((c) => c.name === "VEVENT");
    const imported: ImportedEvent[] = [];
    const cancelled: Array<{ uid: string; at: Date }> = [];
    for (const [i, ev] of events.entries()) {
      if (i > 0) yield;
      const uid = prop(ev, "UID")?.value;
      const ctx: Context = { describe: `event ${i + 1}${uid ? ` (UID ${uid})` : ""}`, zoneFor, floating };
      const isCancelled = prop(ev, "STATUS")?.value.trim().toUpperCase() === "CANCELLED";
      const recurrenceId = prop(ev, "RECURRENCE-ID");
      // The planner has no per-occurrence edits: a cancelled occurrence becomes an EXDATE of its
      // series, a moved one is skipped (the series keeps the original slot), cancelled events go.
      if (recurrenceId && isCancelled && uid)
        cancelled.push({ uid: uid.trim(), at: parseDate(recurrenceId, ctx).instant });
      if (isCancelled || recurrenceId) continue;
      imported.push(importEvent(ev, ctx));
    }
    for (const { uid, at } of cancelled) {
      imported.find((e) => e.uid === uid && e.rrule)?.exdates.push(at);
    }
    out.push(...imported);
  }
  return out;
}
