// Renders planner events as an RFC 5545 calendar for the subscription feed (Google, Apple, Outlook).
// One-off times are UTC; recurring timed events carry TZID so DST does not shift them.
import { escapeText, foldLine, formatFloating, formatUtcDateTime } from "./ics-format.js";
import { expandOccurrences } from "./recurrence.js";
import { formatRRule, type ParsedRule, parseRRule, RRuleError } from "./rrule-parse.js";
import { DAY_MS, fromFloating, isValidTimeZone, toFloating } from "./tz.js";
import { vtimezoneLines } from "./vtimezone.js";

export interface ExportableEvent {
  id: string;
  title: string;
  description: string | null;
  subject: string | null;
  type: string;
  startDate: Date;
  endDate: Date | null;
  allDay?: boolean;
  isCompleted: boolean;
  reminders: number[];
  rrule: string | null;
  updatedAt: Date;
  createdAt: Date;
  /** The zone this event's wall clock runs in (e.g. an imported TZID); default: the calendar's. */
  timeZone?: string | null;
  /** Occurrence starts removed from the series (written as EXDATE). */
  exdates?: Date[];
}

export interface ExportOptions {
  calendarName: string;
  prodId?: string;
  now?: Date;
  /** The student's zone: all-day dates are read in it and recurring events expand in it. Default UTC. */
  timeZone?: string;
}

export const UID_DOMAIN = "littlemonster";
/** Non-standard property marking a completed event; STATUS stays CONFIRMED so apps still show it. */
export const COMPLETED_PROPERTY = "X-LITTLEMONSTER-COMPLETED";
const DEFAULT_PRODID = "-//Little Monster//Study Planner//EN";

/** RFC 5545 wants UNTIL in UTC when DTSTART has a zone, and a plain date for all-day events. */
function exportRule(rule: ParsedRule, timeZone: string, allDay: boolean): string {
  const until = rule.until;
  if (!until) return formatRRule(rule);
  let value: Date;
  if (allDay) {
    value = until.utc ? toFloating(until.value, timeZone) : until.value;
    return formatRRule({ ...rule, until: { value, utc: false, dateOnly: true } });
  }
  if (until.utc) value = until.value;
  else value = fromFloating(new Date(until.value.getTime() + (until.dateOnly ? DAY_MS - 1000 : 0)), timeZone);
  return formatRRule({ ...rule, until: { value, utc: true, dateOnly: false } });
}

function parseStoredRule(rrule: string | null): ParsedRule | null {
  if (!rrule) return null;
  try {
    return parseRRule(rrule);
  } catch (err) {
    // Rules are validated on write; a legacy bad row should not take the whole feed down.
    if (err instanceof RRuleError) return null;
    throw err;
  }
}

function dateLines(ev: ExportableEvent, rule: ParsedRule | null, tz: string): string[] {
  if (ev.allDay) {
    const start = toFloating(ev.startDate, tz);
    const startDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
    const lines = [`DTSTART;VALUE=DATE:${formatFloating(start, true)}`];
    if (ev.endDate) {
      // DTEND of a date is exclusive: a stored end inside a day means "through that day".
      const end = toFloating(ev.endDate, tz).getTime();
      const endDay = Math.ceil((end - startDay) / DAY_MS) * DAY_MS + startDay;
      if (endDay > startDay) lines.push(`DTEND;VALUE=DATE:${formatFloating(new Date(endDay), true)}`);
    }
    return lines;
  }
  if (rule && tz !== "UTC") {
    const lines = [`DTSTART;TZID=${tz}:${formatFloating(toFloating(ev.startDate, tz), false)}`];
    if (ev.endDate) lines.push(`DTEND;TZID=${tz}:${formatFloating(toFloating(ev.endDate, tz), false)}`);
    return lines;
  }
  const lines = [`DTSTART:${formatUtcDateTime(ev.startDate)}`];
  if (ev.endDate) lines.push(`DTEND:${formatUtcDateTime(ev.endDate)}`);
  return lines;
}

const zoneOf = (ev: ExportableEvent, calendarZone: string) =>
  ev.timeZone && isValidTimeZone(ev.timeZone) ? ev.timeZone : calendarZone;

/** EXDATE in the same form as DTSTART (date, TZID-local or UTC), as RFC 5545 asks. */
function exdateLine(ev: ExportableEvent, tz: string): string[] {
  if (!ev.exdates?.length) return [];
  if (ev.allDay)
    return [`EXDATE;VALUE=DATE:${ev.exdates.map((d) => formatFloating(toFloating(d, tz), true)).join(",")}`];
  if (tz !== "UTC") {
    return [`EXDATE;TZID=${tz}:${ev.exdates.map((d) => formatFloating(toFloating(d, tz), false)).join(",")}`];
  }
  return [`EXDATE:${ev.exdates.map(formatUtcDateTime).join(",")}`];
}

/**
 * The event with DTSTART on its first occurrence. RFC 5545 counts DTSTART as an occurrence even
 * when the rule would not produce it (Google shows it), while the app's expansion does not: a
 * Tuesday start with "every Friday" would put an extra session on the Tuesday in the subscriber's
 * calendar. Starting the exported series where the app's does keeps both the same (the
 * occurrence's own length kept; EXDATEs ignored here so COUNT still counts from the same place).
 */
function alignedToRule(ev: ExportableEvent, tz: string): ExportableEvent {
  try {
    const [first] = expandOccurrences({ ...ev, timeZone: tz, exdates: [] }, {}, { max: 1 });
    if (!first || first.start.getTime() === ev.startDate.getTime()) return ev;
    return { ...ev, startDate: first.start, endDate: first.end };
  } catch (err) {
    if (err instanceof RRuleError) return ev;
    throw err;
  }
}

function eventLines(original: ExportableEvent, stamp: Date, calendarZone: string): string[] {
  const tz = zoneOf(original, calendarZone);
  const rule = parseStoredRule(original.rrule);
  const ev = rule ? alignedToRule(original, tz) : original;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${ev.id}@${UID_DOMAIN}`,
    `DTSTAMP:${formatUtcDateTime(stamp)}`,
    `CREATED:${formatUtcDateTime(ev.createdAt)}`,
    `LAST-MODIFIED:${formatUtcDateTime(ev.updatedAt)}`,
    ...dateLines(ev, rule, tz),
    `SUMMARY:${escapeText(ev.title)}`,
  ];
  if (ev.description) lines.push(`DESCRIPTION:${escapeText(ev.description)}`);
  const categories = [ev.type, ev.subject].filter((c): c is string => Boolean(c));
  lines.push(`CATEGORIES:${categories.map(escapeText).join(",")}`);
  lines.push("STATUS:CONFIRMED", "TRANSP:OPAQUE");
  if (ev.isCompleted) lines.push(`${COMPLETED_PROPERTY}:TRUE`);
  if (rule) lines.push(`RRULE:${exportRule(rule, tz, ev.allDay === true)}`, ...exdateLine(ev, tz));
  for (const minutes of ev.reminders) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeText(ev.title)}`,
      `TRIGGER:${minutes === 0 ? "PT0M" : `-PT${minutes}M`}`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The whole calendar as text/calendar: CRLF line endings, folded at 75 octets. */
export function toICalendar(events: ExportableEvent[], opts: ExportOptions): string {
  const tz = opts.timeZone && isValidTimeZone(opts.timeZone) ? opts.timeZone : "UTC";
  const stamp = opts.now ?? new Date();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${opts.prodId ?? DEFAULT_PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.calendarName)}`,
    ...(tz !== "UTC" ? [`X-WR-TIMEZONE:${tz}`] : []),
    // How often subscribers should re-fetch: an hour keeps phones close to the planner.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  // One VTIMEZONE per zone a recurring timed event is written in, from its earliest year.
  const firstYears = new Map<string, number>();
  for (const ev of events) {
    if (ev.allDay || !ev.rrule || !parseStoredRule(ev.rrule)) continue;
    const zone = zoneOf(ev, tz);
    if (zone === "UTC") continue;
    const year = toFloating(ev.startDate, zone).getUTCFullYear();
    firstYears.set(zone, Math.min(year, firstYears.get(zone) ?? year));
  }
  for (const [zone, firstYear] of firstYears) lines.push(...vtimezoneLines(zone, firstYear));
  for (const ev of events) lines.push(...eventLines(ev, stamp, tz));
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
