// Resolves TZID values found in imported calendars: IANA names, Windows names (Outlook),
// path-style names ("/mozilla.org/.../Europe/Berlin") and, failing those, the file's own VTIMEZONE.
import { IcsImportError, type IcsComponent, prop } from "./ics-lexer.js";
import { assertEverMatches, lastFloatingStart, RRuleError } from "./recurrence.js";
import { isValidTimeZone, utcEpoch, wallToInstant } from "./tz.js";
import { WINDOWS_ZONES } from "./windows-zones.js";

export interface ZoneResolver {
  /** The IANA zone when one is known, so recurring events can later expand in it. */
  iana: string | null;
  /** The instant at which this zone's clocks read `wall` (wall-clock time encoded as UTC). */
  toInstant(wall: number): Date;
}

interface Observance {
  start: Date;
  from: number;
  to: number;
  rrule: string | null;
  rdates: Date[];
}

/** Matches an IANA name directly, via the Windows table, or as the tail of a path-style TZID. */
export function ianaFor(tzid: string): string | null {
  const name = tzid.trim();
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  if (isValidTimeZone(name) && !name.startsWith("/")) return name;
  const segments = name.split("/").filter(Boolean);
  for (const take of [3, 2, 1]) {
    const tail = segments.slice(-take).join("/");
    if (segments.length >= take && tail.includes("/") && isValidTimeZone(tail)) return tail;
  }
  return null;
}

export function parseOffset(value: string, line: number): number {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim());
  if (!m) throw new IcsImportError(`"${value}" is not a UTC offset like +0100`, line);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === "-" ? -ms : ms;
}

function floatingValue(value: string, line: number): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?/.exec(value);
  if (!m) throw new IcsImportError(`"${value}" is not a date-time`, line);
  return new Date(utcEpoch(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

function observances(vtz: IcsComponent, tzid: string): Observance[] {
  return vtz.components
    .filter((c) => c.name === "STANDARD" || c.name === "DAYLIGHT")
    .map((c) => {
      const need = (name: string) => {
        const p = prop(c, name);
        if (!p) throw new IcsImportError(`VTIMEZONE "${tzid}" has a ${c.name} without ${name}`, c.line);
        return p;
      };
      const dtstart = need("DTSTART");
      const rrule = prop(c, "RRULE");
      return {
        start: floatingValue(dtstart.value, dtstart.line),
        from: parseOffset(need("TZOFFSETFROM").value, c.line),
        to: parseOffset(need("TZOFFSETTO").value, c.line),
        rrule: rrule?.value ?? null,
        rdates: c.properties
          .filter((p) => p.name === "RDATE")
          .flatMap((p) => p.value.split(",").map((v) => floatingValue(v, p.line))),
      };
    });
}

/** Offsets from a VTIMEZONE's own rules, for zones no IANA name can be found for. */
function fromVtimezone(vtz: IcsComponent, tzid: string): ZoneResolver {
  const obs = observances(vtz, tzid);
  if (obs.length === 0) throw new IcsImportError(`VTIMEZONE "${tzid}" has no STANDARD or DAYLIGHT rules`, vtz.line);
  for (const o of obs) {
    try {
      // Refused up front: every later offset lookup would search its whole span in vain.
      if (o.rrule) assertEverMatches(o.rrule, o.start);
    } catch (err) {
      if (err instanceof RRuleError) throw new IcsImportError(`VTIMEZONE "${tzid}": ${err.message}`, vtz.line);
      throw err;
    }
  }
  const earliest = obs.reduce((a, b) => (a.start <= b.start ? a : b));
  return {
    iana: null,
    toInstant(wall) {
      // The observance with the latest onset at or before this wall time is in force. Onsets are
      // compared as instants (their wall time minus the offset they switch from).
      let best: { onset: number; offset: number } | null = null;
      const limit = new Date(wall);
      for (const o of obs) {
        const candidates = [o.rrule ? lastFloatingStart(o.rrule, o.start, limit) : o.start, ...o.rdates];
        for (const c of candidates) {
          if (!c || c.getTime() > wall) continue;
          const onset = c.getTime() - o.from;
          if (!best || onset > best.onset) best = { onset, offset: o.to };
        }
      }
      return new Date(wall - (best?.offset ?? earliest.from));
    },
  };
}

/** Builds resolvers for every TZID the calendar may use; unknown names throw when used. */
export function zoneLookup(calendar: IcsComponent): (tzid: string, line: number) => ZoneResolver {
  const cache = new Map<string, ZoneResolver>();
  const vtimezones = new Map<string, IcsComponent>();
  for (const c of calendar.components) {
    const id = c.name === "VTIMEZONE" ? prop(c, "TZID")?.value.trim() : undefined;
    if (id) vtimezones.set(id, c);
  }
  return (tzid, line) => {
    const key = tzid.trim();
    let resolver = cache.get(key);
    if (resolver) return resolver;
    const vtz = vtimezones.get(key);
    const location = vtz ? prop(vtz, "X-LIC-LOCATION")?.value : undefined;
    const iana = ianaFor(key) ?? (location ? ianaFor(location) : null);
    if (iana) resolver = { iana, toInstant: (wall) => wallToInstant(wall, iana) };
    else if (vtz) resolver = fromVtimezone(vtz, key);
    else throw new IcsImportError(`unknown time zone TZID="${key}" (not an IANA or Windows name, no VTIMEZONE)`, line);
    cache.set(key, resolver);
    return resolver;
  };
}
