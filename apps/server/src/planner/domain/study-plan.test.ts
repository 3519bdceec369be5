import { describe, expect, it } from "vitest";
import { expandOccurrences } from "./recurrence.js";
import { startOfLocalWeek } from "./stats.js";
import { type StudyPlanRequest, proposeStudyPlan } from "./study-plan.js";
import { localDayKey, toWallTime } from "./tz.js";

const tz = "Europe/London";
const exam = {
  id: "exam-1",
  title: "Chemistry final",
  subject: "Chemistry",
  startDate: new Date("2026-11-27T09:00:00Z"),
};
// Monday 2 November 2026, 10:00 in London (GMT).
const now = new Date("2026-11-02T10:00:00Z");
// Daily club 16:00–18:30 local, i.e. right over the preferred 17:00 slot.
const club = expandOccurrences(
  {
    startDate: new Date("2026-11-01T16:00:00Z"),
    endDate: new Date("2026-11-01T18:30:00Z"),
    rrule: "FREQ=DAILY",
    timeZone: tz,
  },
  { from: now, to: exam.startDate },
).map((o) => ({ start: o.start, end: o.end! }));
const request: StudyPlanRequest = { exam, busy: club, now, sessionsPerWeek: 3, minutesPerSession: 60, timeZone: tz };

describe("proposeStudyPlan", () => {
  const plan = proposeStudyPlan(request);

  it("never overlaps the student's existing events", () => {
    expect(plan.length).toBeGreaterThan(0);
    for (const s of plan) {
      expect(club.some((b) => s.startDate < b.end && b.start < s.endDate)).toBe(false);
    }
    // Without the club the same sessions would sit at 17:00, so the busy list is what moved them.
    const free = proposeStudyPlan({ ...request, busy: [] });
    expect(free.some((s) => club.some((b) => s.startDate < b.end && b.start < s.endDate))).toBe(true);
  });

  it("schedules sessionsPerWeek per full local week, spread over Tuesday, Thursday and Saturday", () => {
    const perWeek = new Map<string, string[]>();
    for (const s of plan) {
      const week = startOfLocalWeek(s.startDate, tz).toISOString();
      perWeek.set(week, [...(perWeek.get(week) ?? []), localDayKey(s.startDate, tz)]);
    }
    for (const days of perWeek.values()) expect(days.length).toBeLessThanOrEqual(3);
    // 9–15 November is a full week between now and the exam.
    expect(perWeek.get(startOfLocalWeek(new Date("2026-11-10T12:00Z"), tz).toISOString())).toEqual([
      "2026-11-10",
      "2026-11-12",
      "2026-11-14",
    ]);
  });

  it("keeps every session in the future, before the exam, in waking hours and on 15-minute marks", () => {
    for (const s of plan) {
      expect(s.startDate.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(s.endDate.getTime()).toBeLessThanOrEqual(exam.startDate.getTime());
      expect(s.endDate.getTime() - s.startDate.getTime()).toBe(60 * 60_000);
      const start = toWallTime(s.startDate, tz);
      const end = toWallTime(s.endDate, tz);
      expect(start.hour).toBeGreaterThanOrEqual(8);
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(21 * 60);
      expect(start.minute % 15).toBe(0);
      expect([s.type, s.linkedEventId, s.subject]).toEqual(["STUDY_SESSION", "exam-1", "Chemistry"]);
    }
  });

  it("ends with a final review on the day before the exam", () => {
    const last = plan.at(-1)!;
    expect(localDayKey(last.startDate, tz)).toBe("2026-11-26");
    expect(last.title).toBe("Final review: Chemistry final");
    expect(plan.filter((s) => s.title.startsWith("Final review"))).toHaveLength(1);
  });

  it("keeps the day before the exam for the final review when the rest of that week is full", () => {
    const blocked = { start: new Date("2026-11-23T00:00:00Z"), end: new Date("2026-11-26T00:00:00Z") };
    const crowded = proposeStudyPlan({ ...request, busy: [blocked] });
    const lastWeek = crowded.filter((s) => s.startDate >= new Date("2026-11-23T00:00:00Z"));
    expect(lastWeek.map((s) => [s.title, localDayKey(s.startDate, tz)])).toEqual([
      ["Final review: Chemistry final", "2026-11-26"],
    ]);
  });

  it("is deterministic and empty for an exam in the past", () => {
    expect(proposeStudyPlan(request)).toEqual(plan);
    expect(proposeStudyPlan({ ...request, now: new Date("2026-11-28T00:00:00Z") })).toEqual([]);
  });

  it("the night before, fits a short review after now and before bedtime, or nothing", () => {
    const evening = new Date("2026-11-26T20:10:00Z"); // 20:10 local
    const short = proposeStudyPlan({ ...request, now: evening, minutesPerSession: 30 });
    expect(short.map((s) => [s.title, s.startDate.toISOString()])).toEqual([
      ["Final review: Chemistry final", "2026-11-26T20:15:00.000Z"],
    ]);
    expect(proposeStudyPlan({ ...request, now: evening, minutesPerSession: 60 })).toEqual([]);
  });

  it("keeps sessions at the same local time across a DST change", () => {
    const ny = proposeStudyPlan({
      ...request,
      busy: [],
      timeZone: "America/New_York",
      now: new Date("2026-03-02T12:00:00Z"),
      exam: { ...exam, startDate: new Date("2026-03-16T13:00:00Z") },
    });
    expect(new Set(ny.map((s) => toWallTime(s.startDate, "America/New_York").hour))).toEqual(new Set([17]));
    expect(new Set(ny.map((s) => s.startDate.getUTCHours()))).toEqual(new Set([22, 21]));
  });
});
