import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { toICalendar } from "./ics-export.js";
import { IcsImportError, parseICalendar } from "./ics-import.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const calendar = (...body: string[]) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", ...body, "END:VCALENDAR", ""].join("\r\n");
const vevent = (...lines: string[]) => ["BEGIN:VEVENT", ...lines, "END:VEVENT"].join("\r\n");

function importError(text: string, opts?: { maxEvents?: number }): IcsImportError {
  try {
    parseICalendar(text, opts);
  } catch (err) {
    if (err instanceof IcsImportError) return err;
    throw err;
  }
  throw new Error("expected an IcsImportError");
}

describe("parseICalendar refuses malformed files with a useful message", () => {
  it.each([
    ["malformed-no-vcalendar.ics", /must start with BEGIN:VCALENDAR/],
    ["malformed-unbalanced.ics", /^Line 8: END:VCALENDAR does not close BEGIN:VEVENT from line 4/],
    ["malformed-bad-date.ics", /^Line 11: event 2 \(UID bad-date\): DTSTART "2026-03-10T09:00:00Z" is not a date/],
    ["malformed-unknown-tzid.ics", /^Line 6: event 1 \(UID mars\): unknown time zone TZID="Mars\/Olympus_Mons"/],
  ])("%s", (name, message) => {
    expect(importError(fixture(name)).message).toMatch(message);
  });

  it.each([
    ["an empty body", "", /must start with BEGIN:VCALENDAR/],
    ["a VEVENT without DTSTART", calendar(vevent("UID:a", "SUMMARY:x")), /event 1 \(UID a\): has no DTSTART/],
    [
      "DTEND before DTSTART",
      calendar(vevent("UID:b", "DTSTART:20260310T100000Z", "DTEND:20260310T090000Z")),
      /^Line 7: event 1 \(UID b\): DTEND is before DTSTART/,
    ],
    ["30 February", calendar(vevent("DTSTART;VALUE=DATE:20260230")), /DTSTART "20260230" is not a real date/],
    [
      "an unsupported RRULE",
      calendar(vevent("DTSTART:20260310T100000Z", "RRULE:FREQ=SECONDLY")),
      /RRULE is not usable: FREQ=SECONDLY is not supported/,
    ],
    ["a bad DURATION", calendar(vevent("DTSTART:20260310T100000Z", "DURATION:1 hour")), /DURATION "1 hour"/],
    ["a negative DURATION", calendar(vevent("DTSTART:20260310T100000Z", "DURATION:-PT1H")), /negative/],
    ["a VEVENT never closed", calendar("BEGIN:VEVENT", "DTSTART:20260310T100000Z"), /END:VCALENDAR does not close/],
    ["a missing END:VCALENDAR", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", /BEGIN:VCALENDAR is never closed/],
    ["a line without a colon", calendar(vevent("DTSTART:20260310T100000Z", "SUMMARY no colon")), /^Line 6:.*no ":"/],
    ["a VEVENT outside VCALENDAR", `${calendar()}BEGIN:VEVENT\r\nEND:VEVENT\r\n`, /outside of a VCALENDAR/],
  ])("%s", (_, text, message) => {
    expect(importError(text).message).toMatch(message);
  });

  it("refuses more events than maxEvents without importing any", () => {
    const three = calendar(...[1, 2, 3].map((i) => vevent(`UID:${i}`, "DTSTART:20260310T100000Z")));
    expect(parseICalendar(three, { maxEvents: 3 })).toHaveLength(3);
    expect(importError(three, { maxEvents: 2 }).message).toMatch(/more than 2 events/);
  });
});

describe("parseICalendar against our own export", () => {
  it("reads back what toICalendar writes", () => {
    const base = {
      description: "Bring: pens, ruler; calculator\nand ID",
      subject: "Maths",
      type: "EXAM",
      isCompleted: false,
      createdAt: new Date("2026-01-01Z"),
      updatedAt: new Date("2026-01-01Z"),
    };
    const events = [
      {
        ...base,
        id: "a",
        title: 'Weekly tutorial, room 3; "bring notes" — ✏️',
        startDate: new Date("2026-03-02T09:00:00Z"),
        endDate: new Date("2026-03-02T10:00:00Z"),
        reminders: [10, 60],
        rrule: "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8",
      },
      {
        ...base,
        id: "b",
        title: "Reading week",
        startDate: new Date("2026-03-16T00:00:00Z"),
        endDate: new Date("2026-03-21T00:00:00Z"),
        allDay: true,
        reminders: [],
        rrule: null,
      },
    ];
    const text = toICalendar(events, { calendarName: "Planner", timeZone: "Europe/London" });
    const back = parseICalendar(text, { defaultTimeZone: "Europe/London" });
    expect(
      back.map((e) => [e.uid, e.title, e.description, e.startDate.toISOString(), e.endDate?.toISOString()]),
    ).toEqual(
      events.map((e) => [
        `${e.id}@littlemonster`,
        e.title,
        e.description,
        e.startDate.toISOString(),
        e.endDate.toISOString(),
      ]),
    );
    expect(back.map((e) => [e.allDay, e.rrule, e.reminders])).toEqual([
      [false, "FREQ=WEEKLY;COUNT=8;BYDAY=MO,TH", [10, 60]],
      [true, null, []],
    ]);
  });
});

describe("parseICalendar speed", () => {
  it("parses 1,000 mixed events quickly", () => {
    const zones = ['TZID="W. Europe Standard Time"', "TZID=America/New_York", "VALUE=DATE", ""];
    const events = Array.from({ length: 1000 }, (_, i) => {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String((i % 12) + 1).padStart(2, "0");
      const kind = zones[i % zones.length];
      const start =
        kind === "VALUE=DATE"
          ? `DTSTART;VALUE=DATE:2026${month}${day}`
          : `DTSTART${kind ? `;${kind}` : ""}:2026${month}${day}T${kind ? "090000" : "090000Z"}`;
      return vevent(
        `UID:gen-${i}@example.edu`,
        start,
        i % 3 === 0 ? "DURATION:PT1H30M" : "",
        i % 5 === 0 ? "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10" : "",
        `SUMMARY:Generated event ${i}\\, with escaping\\; and a long enough title to be folded by most writers`,
        `DESCRIPTION:${"Lorem ipsum dolor sit amet, ".repeat(4)}`,
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15M",
        "END:VALARM",
      )
        .split("\r\n")
        .filter(Boolean)
        .join("\r\n");
    });
    const text = calendar(fixture("outlook-export.ics").match(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE/)![0], ...events);
    const t0 = performance.now();
    const parsed = parseICalendar(text);
    const ms = performance.now() - t0;
    console.log(`parseICalendar: 1,000 events (${(text.length / 1024).toFixed(0)} KiB) in ${ms.toFixed(1)} ms`);
    expect(parsed).toHaveLength(1000);
    expect(parsed[0].startDate.toISOString()).toBe("2026-01-01T08:00:00.000Z"); // 09:00 CET
    expect(parsed[1].startDate.toISOString()).toBe("2026-02-02T14:00:00.000Z"); // 09:00 EST
    expect(parsed[0].rrule).toBe("FREQ=WEEKLY;COUNT=10;BYDAY=MO,WE");
    expect(ms).toBeLessThan(5000);
  });
});
