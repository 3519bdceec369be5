// Reminder wording: plural by Intl.PluralRules, never "minute(s)" (issue 15 wording).
import { describe, expect, it } from "vitest";
import { describeStart } from "./reminders.js";

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
