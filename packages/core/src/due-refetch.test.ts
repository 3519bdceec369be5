import { describe, expect, it } from "vitest";
import { DUE_REFETCH_MAX_MS, DUE_REFETCH_MIN_MS, dueRefetchDelay } from "./due-refetch.js";

const now = Date.parse("2030-01-01T12:00:00Z");
const at = (ms: number) => ({ nextDueAt: new Date(now + ms).toISOString() });

describe("dueRefetchDelay", () => {
  it("asks again a second after the next card comes due", () => {
    expect(dueRefetchDelay(at(30_000), now)).toBe(31_000);
  });

  it("falls back to the slow poll with nothing ahead, or before it when the next card is far off", () => {
    expect(dueRefetchDelay({ nextDueAt: null }, now)).toBe(DUE_REFETCH_MAX_MS);
    expect(dueRefetchDelay(undefined, now)).toBe(DUE_REFETCH_MAX_MS);
    expect(dueRefetchDelay(at(3 * 86_400_000), now)).toBe(DUE_REFETCH_MAX_MS);
  });

  it("never asks in a tight loop when the device clock is already past the moment", () => {
    expect(dueRefetchDelay(at(-60_000), now)).toBe(DUE_REFETCH_MIN_MS);
  });
});
