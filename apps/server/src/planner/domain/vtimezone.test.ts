import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { vtimezoneLines } from "./vtimezone.js";

/** Converts a local time through ical.js using only our VTIMEZONE, so the rules are what is tested. */
function viaIcalJs(zone: string, year: number, local: string): string {
  const text = ["BEGIN:VCALENDAR", ...vtimezoneLines(zone, year), "END:VCALENDAR"].join("\r\n");
  const vtz = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone")!;
  const tz = new ICAL.Timezone(vtz);
  const time = ICAL.Time.fromDateTimeString(local);
  time.zone = tz;
  return time.toJSDate().toISOString();
}

describe("vtimezoneLines", () => {
  it.each([
    ["America/New_York", "2026-01-15T09:00:00", "2026-01-15T14:00:00.000Z"],
    ["America/New_York", "2026-07-15T09:00:00", "2026-07-15T13:00:00.000Z"],
    ["America/New_York", "2029-03-12T09:00:00", "2029-03-12T13:00:00.000Z"], // later years follow the RRULE
    ["Europe/London", "2028-10-30T09:00:00", "2028-10-30T09:00:00.000Z"],
    ["Australia/Sydney", "2026-01-15T09:00:00", "2026-01-14T22:00:00.000Z"], // southern summer
    ["Australia/Sydney", "2027-07-15T09:00:00", "2027-07-14T23:00:00.000Z"],
    ["Asia/Tokyo", "2026-07-15T09:00:00", "2026-07-15T00:00:00.000Z"], // no DST at all
  ])("%s %s is %s", (zone, local, utc) => {
    expect(viaIcalJs(zone, 2026, local)).toBe(utc);
  });

  it("describes the US rule as the second Sunday of March and the first of November", () => {
    const lines = vtimezoneLines("America/New_York", 2026);
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(lines).toContain("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    expect(lines).toContain("DTSTART:19700308T020000"); // second Sunday of March 1970
  });
});
