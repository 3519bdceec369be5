import { describe, expect, it } from "vitest";
import { addDays, dayKey, startOfDay, startOfWeek } from "./calendar.js";

describe("planner calendar arithmetic", () => {
  it("starts the week on the Monday before, at midnight", () => {
    const sunday = new Date(2026, 11, 6, 18, 30);
    expect(startOfWeek(sunday)).toEqual(new Date(2026, 10, 30));
    const monday = new Date(2026, 11, 7, 9, 15);
    expect(startOfWeek(monday)).toEqual(new Date(2026, 11, 7));
  });

  it("adds calendar days across a month end and keeps the time of day", () => {
    expect(addDays(new Date(2026, 0, 30, 14, 5), 3)).toEqual(new Date(2026, 1, 2, 14, 5));
    expect(addDays(new Date(2026, 2, 1, 8, 0), -1)).toEqual(new Date(2026, 1, 28, 8, 0));
  });

  it("keys a day by its local date with zero padding", () => {
    expect(dayKey(new Date(2026, 2, 4, 23, 59))).toBe("2026-03-04");
    expect(dayKey(startOfDay(new Date(2026, 11, 31, 12)))).toBe("2026-12-31");
  });
});
