// Unit: planner calendar arithmetic in local time.
import type { PlannerEvent } from "@lm/core";
import { addDays, dayKey, fromFields, groupByDay, startOfWeek, toFields, weekOf } from "./dates";

const ev = (id: string, start: Date): PlannerEvent => ({
  id,
  title: id,
  description: null,
  subject: null,
  type: "STUDY_SESSION",
  startDate: start.toISOString(),
  endDate: null,
  isCompleted: false,
  reminders: [],
  createdAt: start.toISOString(),
  updatedAt: start.toISOString(),
});

describe("planner dates", () => {
  test("weeks start on Monday", () => {
    const wed = new Date(2026, 10, 25, 15, 30);
    expect(dayKey(startOfWeek(wed))).toBe("2026-11-23");
    expect(dayKey(startOfWeek(new Date(2026, 10, 29)))).toBe("2026-11-23");
    expect(dayKey(startOfWeek(new Date(2026, 10, 30)))).toBe("2026-11-30");
  });

  test("agenda groups by local day in time order", () => {
    const a = ev("late", new Date(2026, 10, 26, 18));
    const b = ev("early", new Date(2026, 10, 26, 8));
    const c = ev("next", new Date(2026, 10, 27, 9));
    const groups = groupByDay([c, a, b]);
    expect(groups.map((g) => g.key)).toEqual(["2026-11-26", "2026-11-27"]);
    expect(groups[0].events.map((e) => e.id)).toEqual(["early", "late"]);
  });

  test("week view has seven days, empty ones included", () => {
    const days = weekOf(new Date(2026, 10, 26), [ev("x", new Date(2026, 10, 28, 10))]);
    expect(days).toHaveLength(7);
    expect(days[5].events.map((e) => e.id)).toEqual(["x"]);
    expect(days.filter((d) => d.events.length === 0)).toHaveLength(6);
  });

  test("form fields round-trip and reject impossible dates", () => {
    const iso = fromFields("2026-12-01", "09:30");
    expect(iso).not.toBeNull();
    expect(toFields(iso as string)).toEqual({ date: "2026-12-01", time: "09:30" });
    expect(fromFields("2026-02-30", "09:00")).toBeNull();
    expect(fromFields("2026-12-01", "25:00")).toBeNull();
    expect(fromFields("tomorrow", "09:00")).toBeNull();
  });

  test("adding days keeps the wall-clock time", () => {
    expect(addDays(new Date(2026, 10, 30, 9, 15), 1).getHours()).toBe(9);
  });
});
