// Strict parser for the RFC 5545 RRULE subset the planner supports. It exists so that a bad
// rule is refused up front with a message a student (or an importer) can act on.

import { utcEpoch } from "./tz.js";

export class RRuleError extends Error {
  override name = "RRuleError";
}

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Freq = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

export interface RuleUntil {
  /** For utc: the instant. Otherwise wall-clock time encoded as UTC ("floating"). */
  value: Date;
  utc: boolean;
  dateOnly: boolean;
}

export interface ParsedRule {
  freq: Freq;
  interval: number;
  count: number | null;
  until: RuleUntil | null;
  /** n = null means every such weekday; n = 2 the second, -1 the last (in the month or year). */
  byDay: Array<{ weekday: Weekday; n: number | null }>;
  byMonthDay: number[];
  byMonth: number[];
  bySetPos: number[];
  wkst: Weekday;
}

// Limits that keep expansion cheap; real calendars stay far below them.
const MAX_INTERVAL = 1000;
const MAX_COUNT = 5000;
const MAX_LENGTH = 500;
const FREQS: readonly Freq[] = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const KNOWN = new Set(["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "WKST"]);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function intList(key: string, raw: string, min: number, max: number, allowNegative: boolean): number[] {
  return raw.split(",").map((part) => {
    if (!/^[+-]?\d{1,6}$/.test(part)) throw new RRuleError(`${key} has a value "${part}" that is not a number`);
    const n = Number(part);
    const abs = Math.abs(n);
    if (n === 0 || abs < min || abs > max || (n < 0 && !allowNegative)) {
      throw new RRuleError(`${key} value ${part} is out of range (${allowNegative ? "±" : ""}${min}..${max})`);
    }
    return n;
  });
}

/** Parses an UNTIL value: YYYYMMDD, YYYYMMDDTHHMMSS (floating) or YYYYMMDDTHHMMSSZ (UTC). */
export function parseUntil(raw: string): RuleUntil {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(raw);
  if (!m) throw new RRuleError(`UNTIL "${raw}" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSSZ)`);
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const value = new Date(utcEpoch(y, mo, d, h, mi, s));
  if (value.getUTCMonth() !== mo - 1 || value.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RRuleError(`UNTIL "${raw}" is not a real date`);
  }
  return { value, utc: m[7] === "Z", dateOnly: m[4] === undefined };
}

function parseByDay(raw: string, freq: Freq): ParsedRule["byDay"] {
  return raw.split(",").map((part) => {
    const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part);
    if (!m) throw new RRuleError(`BYDAY value "${part}" is not a weekday like MO, 2TU or -1FR`);
    if (m[1] === undefined) return { weekday: m[2] as Weekday, n: null };
    const n = Number(m[1]);
    if (freq !== "MONTHLY" && freq !== "YEARLY") {
      throw new RRuleError(`BYDAY "${part}" has a position, which only works with FREQ=MONTHLY or YEARLY`);
    }
    const limit = freq === "MONTHLY" ? 5 : 53;
    if (n === 0 || Math.abs(n) > limit) throw new RRuleError(`BYDAY "${part}" position must be ±1..${limit}`);
    return { weekday: m[2] as Weekday, n };
  });
}

/** Parses an RRULE value (with or without the "RRULE:" prefix). Throws RRuleError. */
export function parseRRule(input: string): ParsedRule {
  const s = input.trim().replace(/^RRULE:/i, "");
  if (!s) throw new RRuleError("The recurrence rule is empty");
  if (s.length > MAX_LENGTH) throw new RRuleError(`The recurrence rule is longer than ${MAX_LENGTH} characters`);
  const fields = new Map<string, string>();
  for (const part of s.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) throw new RRuleError(`"${part}" is not a KEY=VALUE pair`);
    const key = part.slice(0, eq).toUpperCase();
    const value = part.slice(eq + 1).toUpperCase();
    if (fields.has(key)) throw new RRuleError(`${key} appears twice`);
    if (!KNOWN.has(key)) throw new RRuleError(`${key} is not supported (supported: ${[...KNOWN].join(", ")})`);
    fields.set(key, value);
  }
  const freqRaw = fields.get("FREQ");
  if (!freqRaw) throw new RRuleError("FREQ is required (DAILY, WEEKLY, MONTHLY or YEARLY)");
  if (!FREQS.includes(freqRaw as Freq)) {
    throw new RRuleError(`FREQ=${freqRaw} is not supported; use DAILY, WEEKLY, MONTHLY or YEARLY`);
  }
  const freq = freqRaw as Freq;
  const interval = fields.has("INTERVAL") ? intList("INTERVAL", fields.get("INTERVAL")!, 1, MAX_INTERVAL, false)[0] : 1;
  const count = fields.has("COUNT") ? intList("COUNT", fields.get("COUNT")!, 1, MAX_COUNT, false)[0] : null;
  const until = fields.has("UNTIL") ? parseUntil(fields.get("UNTIL")!) : null;
  if (count !== null && until !== null) throw new RRuleError("COUNT and UNTIL cannot both be given");
  const single = (key: string) => (fields.get(key)?.includes(",") ? `${key} takes a single value` : null);
  for (const key of ["FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"]) {
    const problem = single(key);
    if (problem) throw new RRuleError(problem);
  }
  const wkstRaw = fields.get("WKST") ?? "MO";
  if (!WEEKDAYS.includes(wkstRaw as Weekday)) throw new RRuleError(`WKST=${wkstRaw} is not a weekday (MO..SU)`);
  const rule: ParsedRule = {
    freq,
    interval,
    count,
    until,
    byDay: fields.has("BYDAY") ? parseByDay(fields.get("BYDAY")!, freq) : [],
    byMonthDay: fields.has("BYMONTHDAY") ? intList("BYMONTHDAY", fields.get("BYMONTHDAY")!, 1, 31, true) : [],
    byMonth: fields.has("BYMONTH") ? intList("BYMONTH", fields.get("BYMONTH")!, 1, 12, false) : [],
    bySetPos: fields.has("BYSETPOS") ? intList("BYSETPOS", fields.get("BYSETPOS")!, 1, 366, true) : [],
    wkst: wkstRaw as Weekday,
  };
  if (rule.bySetPos.length > 0 && rule.byDay.length + rule.byMonthDay.length + rule.byMonth.length === 0) {
    throw new RRuleError("BYSETPOS needs another BY rule (e.g. BYDAY) to pick from");
  }
  // A rule that can never match would make an open-ended expansion spin through the centuries.
  if (rule.byMonth.length > 0 && rule.byMonthDay.length > 0) {
    const possible = rule.byMonth.some((m) => rule.byMonthDay.some((d) => Math.abs(d) <= DAYS_IN_MONTH[m - 1]));
    if (!possible) throw new RRuleError("BYMONTH and BYMONTHDAY never match a real date");
  }
  return rule;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function formatUntil(u: RuleUntil): string {
  const d = u.value;
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  if (u.dateOnly) return date;
  return `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${u.utc ? "Z" : ""}`;
}

/** Canonical RRULE text (no "RRULE:" prefix), stable for storage and export. */
export function formatRRule(rule: ParsedRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${formatUntil(rule.until)}`);
  if (rule.byDay.length) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.n ?? ""}${d.weekday}`).join(",")}`);
  if (rule.byMonthDay.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(",")}`);
  if (rule.byMonth.length) parts.push(`BYMONTH=${rule.byMonth.join(",")}`);
  if (rule.bySetPos.length) parts.push(`BYSETPOS=${rule.bySetPos.join(",")}`);
  if (rule.wkst !== "MO") parts.push(`WKST=${rule.wkst}`);
  return parts.join(";");
}
