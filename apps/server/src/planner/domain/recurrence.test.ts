import { describe, expect, it } from "vitest";
import { expandOccurrences, formatRRule, parseRRule, RRuleError, seriesEnd as seriesEndSteps } from "./recurrence.js";

/** seriesEnd run to its result without pausing (the server drives it with a Slicer). */
function seriesEnd(...args: Parameters<typeof seriesEndSteps>): Date | null {
  const steps = seriesEndSteps(...args);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const starts = (occ: Array<{ start: Date }>) => occ.map((o) => o.start.toISOString());

describe("expandOccurrences across DST", () => {
  it("keeps a Monday 09:00 Europe/London class at 09:00 local when the clocks go back", () => {
    const ev = {
      startDate: new Date("2026-10-12T08:00:00Z"), // 09:00 BST
      endDate: new Date("2026-10-12T09:30:00Z"),
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      timeZone: "Europe/London",
    };
    const occ = expandOccurrences(ev, { from: new Date("2026-10-01Z"), to: new Date("2026-11-03Z") });
    // BST ends on 25 October 2026: the UTC hour moves from 08 to 09, local stays 09:00.
    expect(starts(occ)).toEqual([
      "2026-10-12T08:00:00.000Z",
      "2026-10-19T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
      "2026-11-02T09:00:00.000Z",
    ]);
    expect(iso(occ[2].end)).toBe("2026-10-26T10:30:00.000Z");
  });

  it("keeps a New York 18:00 study session at 18:00 when DST starts", () => {
    const ev = {
      startDate: new Date("2026-03-05T23:00:00Z"), // Thu 18:00 EST
      endDate: null,
      rrule: "FREQ=WEEKLY;UNTIL=20260320T000000", // floating UNTIL: local midnight
      timeZone: "America/New_York",
    };
    expect(starts(expandOccurrences(ev, {}))).toEqual([
      "2026-03-05T23:00:00.000Z",
      "2026-03-12T22:00:00.000Z", // 18:00 EDT
      "2026-03-19T22:00:00.000Z",
    ]);
  });
});

describe("expandOccurrences rule parts", () => {
  const base = { startDate: new Date("2026-10-12T08:00:00Z"), endDate: null, timeZone: "Europe/London" };

  it("stops after COUNT occurrences", () => {
    expect(expandOccurrences({ ...base, rrule: "FREQ=DAILY;COUNT=3" }, {})).toHaveLength(3);
  });

  it("includes the UNTIL instant and nothing after it with BYDAY=MO,WE,FR", () => {
    const occ = expandOccurrences({ ...base, rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261026T090000Z" }, {});
    expect(starts(occ)).toEqual([
      "2026-10-12T08:00:00.000Z",
      "2026-10-14T08:00:00.000Z",
      "2026-10-16T08:00:00.000Z",
      "2026-10-19T08:00:00.000Z",
      "2026-10-21T08:00:00.000Z",
      "2026-10-23T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
    ]);
  });

  it("treats a date-only UNTIL as the whole of that day", () => {
    expect(expandOccurrences({ ...base, rrule: "FREQ=DAILY;UNTIL=20261015" }, {})).toHaveLength(4);
  });

  it("skips weeks with INTERVAL=2", () => {
    const occ = expandOccurrences({ ...base, rrule: "FREQ=WEEKLY;INTERVAL=2;COUNT=3" }, {});
    expect(starts(occ)).toEqual(["2026-10-12T08:00:00.000Z", "2026-10-26T09:00:00.000Z", "2026-11-09T09:00:00.000Z"]);
  });

  it("finds the second Tuesday and the last Friday of each month", () => {
    const tue = { startDate: new Date("2026-01-13T14:00:00Z"), endDate: null, timeZone: "UTC" };
    expect(starts(expandOccurrences({ ...tue, rrule: "FREQ=MONTHLY;BYDAY=2TU;COUNT=4" }, {}))).toEqual([
      "2026-01-13T14:00:00.000Z",
      "2026-02-10T14:00:00.000Z",
      "2026-03-10T14:00:00.000Z",
      "2026-04-14T14:00:00.000Z",
    ]);
    const fri = { ...tue, startDate: new Date("2026-01-30T14:00:00Z"), rrule: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3" };
    expect(starts(expandOccurrences(fri, {}))).toEqual([
      "2026-01-30T14:00:00.000Z",
      "2026-02-27T14:00:00.000Z",
      "2026-03-27T14:00:00.000Z",
    ]);
  });

  it("skips months without a 31st with BYMONTHDAY=31, and honours BYMONTH", () => {
    const ev = { startDate: new Date("2026-01-31T10:00:00Z"), endDate: null, timeZone: "UTC" };
    expect(starts(expandOccurrences({ ...ev, rrule: "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3" }, {}))).toEqual([
      "2026-01-31T10:00:00.000Z",
      "2026-03-31T10:00:00.000Z",
      "2026-05-31T10:00:00.000Z",
    ]);
    const yearly = expandOccurrences({ ...ev, rrule: "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=31;COUNT=3" }, {});
    expect(starts(yearly)).toEqual([
      "2026-01-31T10:00:00.000Z",
      "2026-07-31T10:00:00.000Z",
      "2027-01-31T10:00:00.000Z",
    ]);
  });

  it("leaves out EXDATE occurrences", () => {
    const exdates = [new Date("2026-10-13T08:00:00Z")];
    const occ = expandOccurrences({ ...base, rrule: "FREQ=DAILY;COUNT=3", exdates }, {});
    expect(starts(occ)).toEqual(["2026-10-12T08:00:00.000Z", "2026-10-14T08:00:00.000Z"]);
  });

  it("keeps the milliseconds of a stored start on every occurrence", () => {
    const ev = { ...base, startDate: new Date("2026-10-12T08:00:00.250Z"), rrule: "FREQ=DAILY;COUNT=2" };
    expect(starts(expandOccurrences(ev, {}))).toEqual(["2026-10-12T08:00:00.250Z", "2026-10-13T08:00:00.250Z"]);
  });

  it("caps an endless series at 1000 by default, or at opts.max", () => {
    expect(expandOccurrences({ ...base, rrule: "FREQ=DAILY" }, {})).toHaveLength(1000);
    expect(expandOccurrences({ ...base, rrule: "FREQ=DAILY" }, {}, { max: 5 })).toHaveLength(5);
  });

  it("keeps all-day occurrences on local midnights across DST", () => {
    const ev = {
      startDate: new Date("2026-10-24T23:00:00Z"), // 25 Oct 00:00 BST
      endDate: new Date("2026-10-26T00:00:00Z"), // 26 Oct 00:00 GMT
      rrule: "FREQ=DAILY;COUNT=2",
      timeZone: "Europe/London",
      allDay: true,
    };
    const occ = expandOccurrences(ev, {});
    expect(occ.map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ["2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z"],
      ["2026-10-26T00:00:00.000Z", "2026-10-27T00:00:00.000Z"],
    ]);
  });
});

describe("overlap semantics at range edges", () => {
  const daily = {
    startDate: new Date("2026-05-01T10:00:00Z"),
    endDate: new Date("2026-05-01T11:00:00Z"),
    rrule: "FREQ=DAILY;COUNT=5",
    timeZone: "UTC",
  };

  it("includes an occurrence ending exactly at `from`", () => {
    const occ = expandOccurrences(daily, { from: new Date("2026-05-02T11:00:00Z"), to: new Date("2026-05-02T12:00Z") });
    expect(starts(occ)).toEqual(["2026-05-02T10:00:00.000Z"]);
  });

  it("excludes an occurrence ending 1 ms before `from`", () => {
    const from = new Date(Date.parse("2026-05-02T11:00:00Z") + 1);
    expect(expandOccurrences(daily, { from, to: new Date("2026-05-02T12:00Z") })).toEqual([]);
  });

  it("includes an occurrence starting exactly at `to`", () => {
    const occ = expandOccurrences(daily, { from: new Date("2026-05-02T12:00Z"), to: new Date("2026-05-03T10:00Z") });
    expect(starts(occ)).toEqual(["2026-05-03T10:00:00.000Z"]);
  });

  it("applies the same edges to a one-off event", () => {
    const once = { ...daily, rrule: null };
    expect(expandOccurrences(once, { from: new Date("2026-05-01T11:00Z") })).toHaveLength(1);
    expect(expandOccurrences(once, { to: new Date("2026-05-01T10:00Z") })).toHaveLength(1);
    expect(expandOccurrences(once, { from: new Date(Date.parse("2026-05-01T11:00Z") + 1) })).toHaveLength(0);
    expect(expandOccurrences(once, { to: new Date(Date.parse("2026-05-01T10:00Z") - 1) })).toHaveLength(0);
  });
});

describe("parseRRule", () => {
  it("parses and re-formats a rule canonically", () => {
    const rule = parseRRule("RRULE:freq=monthly;byday=2TU,-1FR;interval=2;wkst=SU");
    expect(rule.byDay).toEqual([
      { weekday: "TU", n: 2 },
      { weekday: "FR", n: -1 },
    ]);
    expect(formatRRule(rule)).toBe("FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU,-1FR;WKST=SU");
  });

  it.each([
    ["FREQ=HOURLY", /HOURLY is not supported/],
    ["BYDAY=MO", /FREQ is required/],
    ["FREQ=WEEKLY;BYDAY=XX", /BYDAY value "XX"/],
    ["FREQ=WEEKLY;BYDAY=2MO", /only works with FREQ=MONTHLY/],
    ["FREQ=DAILY;COUNT=3;UNTIL=20260101", /COUNT and UNTIL/],
    ["FREQ=DAILY;INTERVAL=0", /INTERVAL value 0 is out of range/],
    ["FREQ=DAILY;COUNT=999999", /COUNT value 999999 is out of range/],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", /never match/],
    ["FREQ=DAILY;UNTIL=20261340", /not a real date/],
    ["FREQ=DAILY;BYHOUR=9", /BYHOUR is not supported/],
    ["FREQ=DAILY;FREQ=WEEKLY", /FREQ appears twice/],
  ])("refuses %s with a clear message", (rule, message) => {
    expect(() => parseRRule(rule)).toThrow(RRuleError);
    expect(() => parseRRule(rule)).toThrow(message);
  });
});

describe("seriesEnd", () => {
  const ev = { startDate: new Date("2026-10-12T08:00:00Z"), endDate: new Date("2026-10-12T09:00:00Z") };

  it("is the end of the last occurrence of a bounded series", () => {
    expect(iso(seriesEnd({ ...ev, rrule: "FREQ=WEEKLY;COUNT=3" }, "Europe/London"))).toBe("2026-10-26T10:00:00.000Z");
  });

  it("is null for an endless series and the event end for a one-off", () => {
    expect(seriesEnd({ ...ev, rrule: "FREQ=WEEKLY" }, "Europe/London")).toBeNull();
    expect(iso(seriesEnd({ ...ev, rrule: null }, "Europe/London"))).toBe("2026-10-12T09:00:00.000Z");
  });

  it("refuses an unknown time zone", () => {
    expect(() => seriesEnd({ ...ev, rrule: "FREQ=DAILY;COUNT=2" }, "Mars/Olympus")).toThrow(/Unknown time zone/);
  });
});
