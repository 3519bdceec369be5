import { describe, expect, it } from "vitest";
import { daysUntil, monthGrid, parseWeeklyRule, startOfWeek, toIso, weekDays, weeklyRule } from "./dates";

describe("planner dates", () => {
  it("builds a weekly RRULE from chosen days in calendar order", () => {
    expect(weeklyRule(["WE", "MO"])).toBe("FREQ=WEEKLY;BYDAY=MO,WE");
    expect(weeklyRule(["FR", "FR"])).toBe("FREQ=WEEKLY;BYDAY=FR");
    expect(weeklyRule([])).toBeNull();
    expect(parseWeeklyRule("FREQ=WEEKLY;BYDAY=MO,WE")).toEqual(["MO", "WE"]);
    expect(parseWeeklyRule("FREQ=DAILY")).toEqual([]);
  });

  it("lays out a month as whole Monday-first weeks", () => {
    const days = monthGrid(new Date(2026, 10, 15)); // November 2026 starts on a Sunday
    expect(days.length % 7).toBe(0);
    expect(days[0].getDay()).toBe(1);
    expect(days[0].getDate()).toBe(26); // Monday 26 October
    expect(days.some((d) => d.getMonth() === 10 && d.getDate() === 30)).toBe(true);
    expect(startOfWeek(new Date(2026, 10, 26)).getDate()).toBe(23);
    expect(weekDays(new Date(2026, 10, 26)).map((d) => d.getDate())).toEqual([23, 24, 25, 26, 27, 28, 29]);
  });

  it("turns local form values into an instant and counts days to an exam", () => {
    expect(new Date(toIso("2026-11-26", "09:30")).getHours()).toBe(9);
    expect(daysUntil(new Date(2026, 11, 1, 8), new Date(2026, 10, 26, 22))).toBe(5);
  });
});
