import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportedEvent, parseICalendar } from "./ics-import.js";
import { expandOccurrences } from "./recurrence.js";
import { isValidTimeZone } from "./tz.js";
import { WINDOWS_ZONES } from "./windows-zones.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const iso = (d: Date | null) => d?.toISOString() ?? null;
const byTitle = (events: ImportedEvent[], title: string) => {
  const ev = events.find((e) => e.title === title);
  if (!ev) throw new Error(`no event titled ${title}`);
  return ev;
};

describe("parseICalendar with a Google Calendar export", () => {
  const events = parseICalendar(fixture("google-export.ics"));

  it("imports every live event and skips the cancelled occurrence override", () => {
    expect(events.map((e) => e.title)).toEqual([
      "Biology 101 lecture",
      "Spring break",
      "Biology midterm 🧬",
      "Essay due (submit online)",
    ]);
  });

  it("reads TZID times as exact instants on both sides of the DST change", () => {
    const lecture = byTitle(events, "Biology 101 lecture");
    expect(iso(lecture.startDate)).toBe("2026-01-12T14:00:00.000Z"); // 09:00 EST
    expect(iso(lecture.endDate)).toBe("2026-01-12T15:15:00.000Z");
    expect(lecture.timeZone).toBe("America/New_York");
    const midterm = byTitle(events, "Biology midterm 🧬");
    expect(iso(midterm.startDate)).toBe("2026-03-09T14:00:00.000Z"); // 10:00 EDT
    expect(midterm.reminders).toEqual([30, 1440]);
  });

  it("keeps the weekly rule, and it expands to 09:00 New York time all term", () => {
    const lecture = byTitle(events, "Biology 101 lecture");
    expect(lecture.rrule).toBe("FREQ=WEEKLY;UNTIL=20260424T035959Z;BYDAY=MO,WE;WKST=SU");
    expect(lecture.reminders).toEqual([15]);
    expect(lecture.uid).toBe("3k5v2l0q9c8b7a6d5e4f3g2h1i@google.com");
    // The cancelled lecture on 28 January comes back as an EXDATE of the series.
    expect(lecture.exdates.map(iso)).toEqual(["2026-01-28T14:00:00.000Z"]);
    const occ = expandOccurrences({ ...lecture, timeZone: lecture.timeZone! }, {});
    expect(occ).toHaveLength(29);
    expect(occ.find((o) => iso(o.start)?.startsWith("2026-03-09"))?.start.toISOString()).toBe(
      "2026-03-09T13:00:00.000Z",
    );
    expect(iso(occ.at(-1)!.start)).toBe("2026-04-22T13:00:00.000Z");
  });

  it("unfolds and unescapes the description", () => {
    expect(byTitle(events, "Biology 101 lecture").description).toBe(
      "Room 204, Science building; bring the lab notebook.\nSlides are posted on the course page after each lecture.",
    );
  });

  it("places all-day events on local midnights of X-WR-TIMEZONE with an exclusive end", () => {
    const brk = byTitle(events, "Spring break");
    expect(brk.allDay).toBe(true);
    expect(iso(brk.startDate)).toBe("2026-03-16T04:00:00.000Z");
    expect(iso(brk.endDate)).toBe("2026-03-21T04:00:00.000Z");
    expect(brk.description).toBeNull();
  });

  it("uses the caller's zone for all-day dates when given", () => {
    const brk = byTitle(parseICalendar(fixture("google-export.ics"), { defaultTimeZone: "UTC" }), "Spring break");
    expect(iso(brk.startDate)).toBe("2026-03-16T00:00:00.000Z");
  });
});

describe("parseICalendar with an Outlook export", () => {
  const events = parseICalendar(fixture("outlook-export.ics"));

  it("maps Windows zone names to the right instants", () => {
    const algebra = byTitle(events, "Lineare Algebra – Übung");
    expect([iso(algebra.startDate), iso(algebra.endDate), algebra.timeZone]).toEqual([
      "2026-03-02T09:00:00.000Z",
      "2026-03-02T10:30:00.000Z",
      "Europe/Berlin",
    ]);
    expect(iso(byTitle(events, "Call with exchange office (New York)").startDate)).toBe("2026-03-10T18:00:00.000Z");
    expect(iso(byTitle(events, "Office hours (Stanford guest)").startDate)).toBe("2026-02-20T17:00:00.000Z");
    expect(iso(byTitle(events, "Lunch talk London").startDate)).toBe("2026-04-01T11:00:00.000Z");
  });

  it("falls back to the file's VTIMEZONE rules for a display-name TZID", () => {
    const exam = byTitle(events, "Klausur Analysis I");
    expect(iso(exam.startDate)).toBe("2026-07-01T13:00:00.000Z"); // 15:00 CEST
    expect(exam.timeZone).toBeNull();
  });

  it("unfolds a long description split inside a word, and a folded UID", () => {
    const algebra = byTitle(events, "Lineare Algebra – Übung");
    expect(algebra.description).toContain("Wir besprechen die Lösungen gemeinsam, danach gibt es Zeit");
    expect(algebra.description).toContain("Raum 0.12 ist reserviert.\n\nMicrosoft Teams: https://teams.example.edu/l/");
    expect(algebra.uid).toMatch(/^040000008200E00074C5B7101A82E008.*0000000100000001234567890.*ABCDEF$/);
    expect(algebra.rrule).toBe("FREQ=WEEKLY;COUNT=12;BYDAY=MO");
    expect(algebra.reminders).toEqual([15]);
  });

  it("ignores alarms after the start and reads all-day holidays", () => {
    expect(byTitle(events, "Lunch talk London").reminders).toEqual([60]);
    const holiday = byTitle(events, "Ostermontag");
    expect([holiday.allDay, iso(holiday.startDate), iso(holiday.endDate)]).toEqual([
      true,
      "2026-04-06T00:00:00.000Z",
      "2026-04-07T00:00:00.000Z",
    ]);
  });

  it("maps every Windows zone in the table to a zone this runtime knows", () => {
    expect(Object.values(WINDOWS_ZONES).filter((z) => !isValidTimeZone(z))).toEqual([]);
  });
});

describe("parseICalendar with floating times and DURATION", () => {
  const events = parseICalendar(fixture("floating-durations.ics"), { defaultTimeZone: "Europe/London" });

  it("reads floating times in the default zone and adds PT1H30M exactly", () => {
    const block = byTitle(events, "Floating study block");
    expect([iso(block.startDate), iso(block.endDate)]).toEqual([
      "2026-03-10T09:00:00.000Z",
      "2026-03-10T10:30:00.000Z",
    ]);
  });

  it("adds P1W and P1D as calendar days, even across the clock change", () => {
    expect(iso(byTitle(events, "Field trip week").endDate)).toBe("2026-03-30T23:00:00.000Z");
    const hack = byTitle(events, "Overnight hackathon across the clock change");
    expect([iso(hack.startDate), iso(hack.endDate)]).toEqual(["2026-03-28T12:00:00.000Z", "2026-03-29T11:00:00.000Z"]);
  });

  it("turns an absolute alarm into minutes before, and untitled all-day events last one day", () => {
    const deadline = byTitle(events, "Deadline without an end");
    expect([deadline.endDate, deadline.reminders]).toEqual([null, [1440]]);
    const untitled = byTitle(events, "(untitled)");
    expect([iso(untitled.startDate), iso(untitled.endDate)]).toEqual([
      "2026-04-01T23:00:00.000Z",
      "2026-04-02T23:00:00.000Z",
    ]);
  });
});

describe("parseICalendar odd but valid inputs", () => {
  const calendar = (...lines: string[]) =>
    ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", ...lines, "END:VEVENT", "END:VCALENDAR"].join("\n");

  it("accepts LF line endings, path-style TZIDs and alarms relative to the end", () => {
    const [ev] = parseICalendar(
      calendar(
        "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260105T100000",
        "DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260105T110000",
        "SUMMARY:   ",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER;RELATED=END:-PT90M",
        "END:VALARM",
      ),
    );
    expect([iso(ev.startDate), ev.timeZone, ev.title, ev.reminders]).toEqual([
      "2026-01-05T09:00:00.000Z",
      "Europe/Berlin",
      "(untitled)",
      [30],
    ]);
  });

  it("reads EXDATE lists with TZID, and none for one-off events", () => {
    const [ev] = parseICalendar(
      calendar(
        "DTSTART;TZID=Europe/Paris:20260105T100000",
        "RRULE:FREQ=DAILY;COUNT=5",
        "EXDATE;TZID=Europe/Paris:20260106T100000,20260108T100000",
        "EXDATE:20260109T090000Z",
      ),
    );
    expect(ev.exdates.map(iso)).toEqual([
      "2026-01-06T09:00:00.000Z",
      "2026-01-08T09:00:00.000Z",
      "2026-01-09T09:00:00.000Z",
    ]);
    expect(expandOccurrences({ ...ev, timeZone: "Europe/Paris" }, {}).map((o) => iso(o.start))).toEqual([
      "2026-01-05T09:00:00.000Z",
      "2026-01-07T09:00:00.000Z",
    ]);
  });

  it("truncates long titles to 200 characters without breaking emoji, and keeps at most 5 reminders", () => {
    const alarms = [5, 10, 15, 20, 25, 30, 60].flatMap((m) => [
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `TRIGGER:-PT${m}M`,
      "END:VALARM",
    ]);
    const [ev] = parseICalendar(calendar("DTSTART:20260105T100000Z", `SUMMARY:${"📚".repeat(250)}`, ...alarms));
    expect([...ev.title]).toHaveLength(200);
    expect(ev.title).toBe("📚".repeat(200));
    expect(ev.reminders).toEqual([5, 10, 15, 20, 25]);
  });
});
