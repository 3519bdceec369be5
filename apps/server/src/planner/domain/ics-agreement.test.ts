// The app and a calendar that subscribes to the export must show the same sessions (issue 15
// item 1). A weekly rule whose days leave out DTSTART's own weekday is where they parted: RFC 5545
// §3.8.5.3 ("the DTSTART property value always counts as the first occurrence", and COUNT includes
// it), which Google follows, puts a session on the start date; the app's expansion (like ical.js)
// does not. The same RRULE is expanded both ways here: by the app, and from the exported text by
// ical.js with the RFC's DTSTART rule applied on top.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type ExportableEvent, toICalendar } from "./ics-export.js";
import { expandOccurrences } from "./recurrence.js";

const at = new Date("2026-11-01T12:00:00Z");
const event = (over: Partial<ExportableEvent>): ExportableEvent => ({
  id: "44444444-4444-4444-8444-444444444444",
  title: "Chemistry revision",
  description: null,
  subject: "CHEMISTRY",
  type: "STUDY_SESSION",
  // Tuesday 8 December 2026, 17:00 in New York
  startDate: new Date("2026-12-08T22:00:00Z"),
  endDate: new Date("2026-12-08T23:00:00Z"),
  isCompleted: false,
  reminders: [],
  rrule: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});

function expandExport(ev: ExportableEvent, timeZone: string, until: Date): string[] {
  const root = new ICAL.Component(ICAL.parse(toICalendar([ev], { calendarName: "Test", timeZone })));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const vevent = new ICAL.Event(root.getFirstSubcomponent("vevent")!);
  const it = vevent.iterator();
  const ruleSet: string[] = [];
  for (let next = it.next(); next && next.toJSDate() <= until; next = it.next())
    ruleSet.push(next.toJSDate().toISOString());
  const dtstart = vevent.startDate.toJSDate().toISOString();
  if (ruleSet[0] === dtstart) return ruleSet;
  // RFC 5545: DTSTART is the first occurrence even off the rule, and counts toward COUNT.
  const count = (vevent.component.getFirstPropertyValue("rrule") as ICAL.Recur | null)?.count ?? null;
  return [dtstart, ...(count ? ruleSet.slice(0, count - 1) : ruleSet)];
}

const expandApp = (ev: ExportableEvent, timeZone: string, until: Date) =>
  expandOccurrences({ ...ev, timeZone }, { to: until }).map((o) => o.start.toISOString());

describe("the app and the exported calendar expand the same RRULE alike", () => {
  const until = new Date("2027-01-01T00:00:00Z");
  it.each([
    ["the event's own weekday", "FREQ=WEEKLY;BYDAY=TU"],
    ["other weekdays than the event's (Tue start, Fridays)", "FREQ=WEEKLY;BYDAY=FR"],
    ["several days, the event's among them", "FREQ=WEEKLY;BYDAY=TU,TH"],
    ["a count, DTSTART off the rule", "FREQ=WEEKLY;BYDAY=FR;COUNT=3"],
    ["every other week", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR"],
  ])("%s (%s)", (_name, rrule) => {
    for (const zone of ["America/New_York", "UTC"]) {
      const ev = event({ rrule });
      const app = expandApp(ev, zone, until);
      expect(app.length).toBeGreaterThan(0);
      expect(expandExport(ev, zone, until)).toEqual(app);
    }
  });
});
