import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { COMPLETED_PROPERTY, type ExportableEvent, toICalendar } from "./ics-export.js";

const created = new Date("2026-09-01T12:00:00Z");
const base = {
  description: null,
  subject: null,
  isCompleted: false,
  reminders: [],
  rrule: null,
  createdAt: created,
  updatedAt: created,
};
const exam: ExportableEvent = {
  ...base,
  id: "11111111-1111-4111-8111-111111111111",
  title: 'Maths: Algebra, Part 1; "revision"\nbring a calculator\\ruler',
  description: `Room 4, building B; ${"covers chapters one to seven of the course book ".repeat(3)}— viel Glück 🍀`,
  subject: "Maths",
  type: "EXAM",
  startDate: new Date("2026-11-20T09:30:00Z"),
  endDate: new Date("2026-11-20T11:30:00Z"),
  isCompleted: true,
  reminders: [15, 1440],
};
const lecture: ExportableEvent = {
  ...base,
  id: "22222222-2222-4222-8222-222222222222",
  title: "Physics lecture",
  type: "CLASS",
  startDate: new Date("2026-10-12T08:00:00Z"), // Monday 09:00 BST
  endDate: new Date("2026-10-12T09:00:00Z"),
  rrule: "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261214",
};
const trip: ExportableEvent = {
  ...base,
  id: "33333333-3333-4333-8333-333333333333",
  title: "Prüfungswoche 📚 日本語の試験と数学の復習をする二日間のイベントです（長いタイトル）",
  type: "OTHER",
  startDate: new Date("2026-12-01T00:00:00Z"), // London midnight (GMT)
  endDate: new Date("2026-12-03T00:00:00Z"),
  allDay: true,
};

const ics = toICalendar([exam, lecture, trip], {
  calendarName: "Ada's planner, term 1",
  now: new Date("2026-10-01T00:00:00Z"),
  timeZone: "Europe/London",
});

function parseWithIcalJs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const byUid = new Map(
    root.getAllSubcomponents("vevent").map((v) => [String(v.getFirstPropertyValue("uid")), v] as const),
  );
  return { root, byUid };
}

describe("toICalendar output format", () => {
  it("uses CRLF everywhere and folds every line to at most 75 octets without splitting characters", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    const bytes = new TextEncoder();
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (const line of lines) {
      const encoded = bytes.encode(line);
      expect(encoded.length).toBeLessThanOrEqual(75);
      // Would throw if a multi-byte character had been cut in half (lone surrogates encode as U+FFFD).
      expect(strict.decode(encoded)).not.toContain("\uFFFD");
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
  });

  it("carries the calendar headers subscribers rely on", () => {
    for (const header of ["VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-PUBLISHED-TTL:PT1H"]) {
      expect(ics).toContain(`\r\n${header}\r\n`);
    }
    expect(ics).toContain("X-WR-CALNAME:Ada's planner\\, term 1\r\n");
  });
});

describe("toICalendar read back by ical.js", () => {
  const { root, byUid } = parseWithIcalJs(ics);

  it("round-trips titles with commas, semicolons, newlines, backslashes and non-ASCII", () => {
    expect(root.getFirstPropertyValue("prodid")).toMatch(/Little Monster/);
    expect(new ICAL.Event(byUid.get(`${exam.id}@littlemonster`)!).summary).toBe(exam.title);
    expect(new ICAL.Event(byUid.get(`${exam.id}@littlemonster`)!).description).toBe(exam.description);
    expect(new ICAL.Event(byUid.get(`${trip.id}@littlemonster`)!).summary).toBe(trip.title);
  });

  it("keeps exact start and end instants, categories, completion and alarms", () => {
    const v = byUid.get(`${exam.id}@littlemonster`)!;
    const ev = new ICAL.Event(v);
    expect(ev.startDate.toJSDate().toISOString()).toBe("2026-11-20T09:30:00.000Z");
    expect(ev.endDate.toJSDate().toISOString()).toBe("2026-11-20T11:30:00.000Z");
    expect(v.getFirstProperty("categories")?.getValues()).toEqual(["EXAM", "Maths"]);
    expect(v.getFirstPropertyValue(COMPLETED_PROPERTY.toLowerCase())).toBe("TRUE");
    const triggers = v.getAllSubcomponents("valarm").map((a) => {
      const trigger = a.getFirstPropertyValue("trigger");
      return trigger instanceof ICAL.Duration ? trigger.toSeconds() : null;
    });
    expect(triggers).toEqual([-15 * 60, -1440 * 60]);
  });

  it("exports the rule so that ical.js expands the class at 09:00 London time across DST", () => {
    const v = byUid.get(`${lecture.id}@littlemonster`)!;
    expect(String(v.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261214T235959Z");
    const it = new ICAL.Event(v).iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toHaveLength(10);
    expect(starts.slice(1, 4)).toEqual([
      "2026-10-19T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
      "2026-11-02T09:00:00.000Z",
    ]);
    expect(starts.at(-1)).toBe("2026-12-14T09:00:00.000Z");
  });

  it("writes all-day events as dates with an exclusive end", () => {
    const ev = new ICAL.Event(byUid.get(`${trip.id}@littlemonster`)!);
    expect(ev.startDate.isDate).toBe(true);
    expect(ev.startDate.toString()).toBe("2026-12-01");
    expect(ev.endDate.toString()).toBe("2026-12-03");
  });

  it("omits DESCRIPTION, alarms and RRULE when there are none", () => {
    const v = byUid.get(`${trip.id}@littlemonster`)!;
    expect(v.getFirstProperty("description")).toBeNull();
    expect(v.getFirstProperty("rrule")).toBeNull();
    expect(v.getAllSubcomponents("valarm")).toHaveLength(0);
  });
});

describe("toICalendar without a time zone", () => {
  it("writes recurring events in UTC and no VTIMEZONE", () => {
    const text = toICalendar([lecture], { calendarName: "x", now: created });
    expect(text).not.toContain("VTIMEZONE");
    expect(text).toContain("DTSTART:20261012T080000Z\r\n");
    // A floating date UNTIL becomes the end of that day in UTC.
    expect(text).toContain("RRULE:FREQ=WEEKLY;UNTIL=20261214T235959Z;BYDAY=MO\r\n");
  });
});

describe("toICalendar with events in their own zones", () => {
  it("writes a series in its own TZID with a VTIMEZONE for it, and its EXDATEs in the same form", () => {
    const nyClass: ExportableEvent = {
      ...lecture,
      id: "44444444-4444-4444-8444-444444444444",
      startDate: new Date("2026-03-02T14:00:00Z"), // Monday 09:00 EST
      endDate: new Date("2026-03-02T15:00:00Z"),
      rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3",
      timeZone: "America/New_York",
      exdates: [new Date("2026-03-09T13:00:00Z")], // 09:00 EDT, after the change
    };
    const text = toICalendar([nyClass], { calendarName: "x", now: created, timeZone: "Europe/London" });
    expect(text).toContain("DTSTART;TZID=America/New_York:20260302T090000\r\n");
    expect(text).toContain("EXDATE;TZID=America/New_York:20260309T090000\r\n");
    const root = new ICAL.Component(ICAL.parse(text));
    for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const iter = new ICAL.Event(root.getFirstSubcomponent("vevent")!).iterator();
    const starts: string[] = [];
    for (let next = iter.next(); next; next = iter.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual(["2026-03-02T14:00:00.000Z", "2026-03-16T13:00:00.000Z"]);
  });
});
