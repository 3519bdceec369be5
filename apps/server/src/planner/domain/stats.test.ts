import { describe, expect, it } from "vitest";
import { localDayKey, startOfLocalWeek, streakDays } from "./stats.js";
import { wallToInstant } from "./tz.js";

describe("localDayKey", () => {
  it("files 23:30 in Tokyo under the Tokyo date, not the UTC one", () => {
    const lateTokyo = new Date("2026-03-10T14:30:00Z"); // 23:30 JST on 10 March
    expect(localDayKey(lateTokyo, "Asia/Tokyo")).toBe("2026-03-10");
    const earlyTokyo = new Date("2026-03-10T15:30:00Z"); // 00:30 JST on 11 March
    expect(localDayKey(earlyTokyo, "Asia/Tokyo")).toBe("2026-03-11");
    expect(localDayKey(earlyTokyo, "UTC")).toBe("2026-03-10");
  });
});

describe("startOfLocalWeek", () => {
  it("is Monday 00:00 local as an instant", () => {
    // Sunday 1 March 2026, 20:00 in New York (Monday 01:00 UTC).
    const now = new Date("2026-03-02T01:00:00Z");
    expect(startOfLocalWeek(now, "America/New_York").toISOString()).toBe("2026-02-23T05:00:00.000Z");
    expect(startOfLocalWeek(now, "UTC").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("uses the offset in force at that Monday midnight, not now's", () => {
    // Thursday after the US DST change; Monday 9 March midnight was already EDT (UTC-4).
    const now = new Date("2026-03-12T15:00:00Z");
    expect(startOfLocalWeek(now, "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });
});

describe("streakDays", () => {
  const tokyo = (day: number, hour: number, minute = 0) =>
    wallToInstant({ year: 2026, month: 3, day, hour, minute, second: 0, millisecond: 0 }, "Asia/Tokyo");

  it("counts a 23:30 Tokyo completion for that Tokyo day", () => {
    const now = tokyo(12, 10);
    const done = [tokyo(10, 23, 30), tokyo(11, 23, 30), tokyo(12, 8)];
    expect(streakDays(done, "Asia/Tokyo", now)).toBe(3);
    // In UTC those are 10, 11 and 11 March (14:30Z, 14:30Z, 23:00Z on the 11th): only two days.
    expect(streakDays(done, "UTC", now)).toBe(2);
  });

  it("still counts yesterday's streak when nothing is done yet today", () => {
    const done = [tokyo(10, 9), tokyo(11, 9)];
    expect(streakDays(done, "Asia/Tokyo", tokyo(12, 7))).toBe(2);
  });

  it("is zero when the last completion was two days ago, and a gap breaks the streak", () => {
    expect(streakDays([tokyo(9, 9)], "Asia/Tokyo", tokyo(12, 7))).toBe(0);
    expect(streakDays([tokyo(8, 9), tokyo(10, 9), tokyo(11, 9)], "Asia/Tokyo", tokyo(11, 20))).toBe(2);
  });

  it("counts a 23-hour DST day once in New York", () => {
    const ny = (day: number) =>
      wallToInstant({ year: 2026, month: 3, day, hour: 12, minute: 0, second: 0, millisecond: 0 }, "America/New_York");
    expect(streakDays([ny(7), ny(8), ny(9)], "America/New_York", ny(9))).toBe(3);
  });

  it("ignores completions in the future", () => {
    expect(streakDays([tokyo(13, 9)], "Asia/Tokyo", tokyo(12, 7))).toBe(0);
  });
});
