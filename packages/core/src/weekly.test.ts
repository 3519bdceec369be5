import { describe, expect, it } from "vitest";
import { parseWeeklyRule, weekdayCode, weeklyRule } from "./weekly.js";

describe("weekly repeat rules", () => {
  it("writes the chosen days in week order, once each", () => {
    expect(weeklyRule(["WE", "MO"])).toBe("FREQ=WEEKLY;BYDAY=MO,WE");
    expect(weeklyRule(["FR", "FR"])).toBe("FREQ=WEEKLY;BYDAY=FR");
    expect(weeklyRule([])).toBeNull();
  });

  it("reads back only weekly rules with days it knows", () => {
    expect(parseWeeklyRule("FREQ=WEEKLY;BYDAY=MO,WE")).toEqual(["MO", "WE"]);
    expect(parseWeeklyRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,XX")).toEqual(["TU"]);
    expect(parseWeeklyRule("FREQ=DAILY")).toEqual([]);
    expect(parseWeeklyRule(null)).toEqual([]);
  });

  it("names a local date's weekday (Monday first)", () => {
    expect(weekdayCode(new Date(2026, 11, 7, 12))).toBe("MO");
    expect(weekdayCode(new Date(2026, 11, 6, 12))).toBe("SU");
  });
});
