import { describe, expect, it } from "vitest";
import { isValidTimeZone, offsetAt, toWallTime, wallToInstant } from "./tz.js";

const wall = (month: number, day: number, hour: number, minute = 0) => ({
  year: 2026,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe("wallToInstant", () => {
  it("converts ordinary local times with the offset in force then", () => {
    expect(wallToInstant(wall(1, 15, 9), "Europe/London").toISOString()).toBe("2026-01-15T09:00:00.000Z");
    expect(wallToInstant(wall(7, 15, 9), "Europe/London").toISOString()).toBe("2026-07-15T08:00:00.000Z");
    expect(wallToInstant(wall(7, 15, 9), "Asia/Kolkata").toISOString()).toBe("2026-07-15T03:30:00.000Z");
  });

  it("moves a time inside the spring-forward gap forward by the gap", () => {
    // 29 March 2026, 01:30 never happens in London (01:00 GMT → 02:00 BST).
    expect(wallToInstant(wall(3, 29, 1, 30), "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(toWallTime(new Date("2026-03-29T01:30:00Z"), "Europe/London").hour).toBe(2);
  });

  it("takes the first of two instants in the autumn overlap", () => {
    // 25 October 2026, 01:30 happens twice in London: 00:30Z (BST) and 01:30Z (GMT).
    expect(wallToInstant(wall(10, 25, 1, 30), "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips through toWallTime", () => {
    const t = new Date("2026-11-01T05:59:59.123Z");
    expect(wallToInstant(toWallTime(t, "America/New_York"), "America/New_York").getTime()).toBe(t.getTime() - 0);
  });
});

describe("zone helpers", () => {
  it("knows IANA zones and rejects made-up ones", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reports offsets east of Greenwich as positive", () => {
    expect(offsetAt(Date.parse("2026-01-01T00:00:00Z"), "Asia/Tokyo")).toBe(9 * 3_600_000);
    expect(offsetAt(Date.parse("2026-01-01T00:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
  });
});
