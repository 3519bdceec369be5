// Reminder wording: plural by Intl.PluralRules, never "minute(s)" (issue 15 wording).
import { describe, expect, it } from "vitest";
import { describeStart, leadMinutes } from "./reminders.js";

describe("describeStart", () => {
  const start = new Date("2026-12-04T16:34:00Z");
  it.each([
    [10, "Starts in 10 minutes"],
    [1, "Starts in 1 minute"],
    [60, "Starts in 1 hour"],
    [120, "Starts in 2 hours"],
    [1440, "Starts in 1 day"],
  ])("%i minutes ahead → %s", (minutes, text) => {
    expect(describeStart(start, "UTC", minutes)).toMatch(new RegExp(`^${text},`));
  });
});

describe("the time in a reminder", () => {
  const start = new Date("2026-12-04T16:34:00Z");
  it("is written in the student's zone and clock: 12-hour in New York (en-US), 24-hour in Berlin (de)", () => {
    expect(describeStart(start, "America/New_York", 10, "en-US")).toBe(
      "Starts in 10 minutes, at Dec 4, 2026, 11:34 AM.",
    );
    expect(describeStart(start, "Europe/Berlin", 10, "de")).toBe("Starts in 10 minutes, at 04.12.2026, 17:34.");
  });
  it("falls back to en-GB for no language or one Intl cannot use", () => {
    for (const locale of [undefined, null, "xx_YY", "not a tag"])
      expect(describeStart(start, "UTC", 10, locale)).toBe("Starts in 10 minutes, at 4 Dec 2026, 16:34.");
  });
});

describe("leadMinutes", () => {
  const start = new Date("2026-12-04T16:34:00Z");
  it("is the reminder's own lead when it goes out on time, and the real time left when late", () => {
    expect(leadMinutes(start, 60, start.getTime() - 60 * 60_000 + 2_000)).toBe(60);
    expect(leadMinutes(start, 60, start.getTime() - 40 * 60_000)).toBe(40);
    expect(leadMinutes(start, 10, start.getTime() + 5_000)).toBe(0);
  });
});
