// Builds a VTIMEZONE for an IANA zone from Intl's offsets, so exported recurring events can
// carry TZID and keep their local time across DST in any calendar app.
import { formatFloating, formatOffset } from "./ics-format.js";
import { DAY_MS, MINUTE_MS, offsetAt } from "./tz.js";

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The offset changes in `year`, found by daily sampling then bisection to the minute. */
function transitionsIn(year: number, timeZone: string): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let prevAt = Date.UTC(year, 0, 1);
  let prev = offsetAt(prevAt, timeZone);
  for (let t = prevAt + DAY_MS; t <= end; t += DAY_MS) {
    const off = offsetAt(t, timeZone);
    if (off !== prev) {
      let lo = prevAt;
      let hi = t;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(mid, timeZone) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: prev, to: off });
    }
    prevAt = t;
    prev = off;
  }
  return out;
}

const DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

const RULE_EPOCH = 1970;

/** "Second Sunday of March" or "last Sunday of October" for the local onset date. */
function yearlyRule(local: Date): { rule: string; start: Date } {
  const day = local.getUTCDate();
  const month = local.getUTCMonth();
  const weekday = local.getUTCDay();
  const daysInMonth = (y: number) => new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  const nth = day + 7 > daysInMonth(local.getUTCFullYear()) ? -1 : Math.ceil(day / 7);
  // The same onset in 1970, so the rule also covers events earlier than `year`: clients such as
  // ical.js read times before the first DTSTART as UTC.
  const first = new Date(Date.UTC(RULE_EPOCH, month, 1)).getUTCDay();
  let epochDay = 1 + ((weekday - first + 7) % 7) + (nth > 0 ? (nth - 1) * 7 : 0);
  if (nth < 0) while (epochDay + 7 <= daysInMonth(RULE_EPOCH)) epochDay += 7;
  const start = new Date(Date.UTC(RULE_EPOCH, month, epochDay) + (local.getTime() % DAY_MS));
  return { rule: `FREQ=YEARLY;BYMONTH=${month + 1};BYDAY=${nth}${DAYS[weekday]}`, start };
}

/** VTIMEZONE lines describing `timeZone` using the DST rules in force in `year`. */
export function vtimezoneLines(timeZone: string, year: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const transitions = transitionsIn(year, timeZone);
  if (transitions.length === 0) {
    const off = formatOffset(offsetAt(Date.UTC(year, 0, 1), timeZone));
    lines.push("BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${off}`, `TZOFFSETTO:${off}`);
    lines.push("END:STANDARD");
  }
  for (const t of transitions) {
    const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
    // Onsets are written in the local time in force just before the change.
    const local = new Date(t.at + t.from);
    // Two changes a year is ordinary DST: describe it as a yearly rule. Anything else (a zone
    // changing its base offset) is written as the one-off change it is.
    const yearly = transitions.length === 2 ? yearlyRule(local) : null;
    lines.push(`BEGIN:${kind}`, `DTSTART:${formatFloating(yearly?.start ?? local, false)}`);
    lines.push(`TZOFFSETFROM:${formatOffset(t.from)}`, `TZOFFSETTO:${formatOffset(t.to)}`);
    if (yearly) lines.push(`RRULE:${yearly.rule}`);
    lines.push(`END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
