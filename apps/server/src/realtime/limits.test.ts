// The per-socket message budget on its own clock: a flood is answered with one error, then drops,
// then a close, however the flood's messages are spread over time.
import { describe, expect, it } from "vitest";
import { messageBudget, REALTIME_DEFAULTS } from "./limits.js";

const limits = { ...REALTIME_DEFAULTS, messageBurst: 60, messagesPerSecond: 10, droppedBeforeClose: 100 };

function clockedBudget() {
  let t = 0;
  const budget = messageBudget(limits, () => t);
  const advance = (ms: number) => {
    t += ms;
  };
  return { budget, advance };
}

describe("a socket's message budget", () => {
  it("answers a flood sent at once with ok for the burst, one warning, drops, then close", () => {
    const { budget } = clockedBudget();
    const verdicts = Array.from({ length: 200 }, () => budget());
    expect(verdicts.slice(0, 60).every((v) => v === "ok")).toBe(true);
    expect(verdicts.filter((v) => v === "warn")).toHaveLength(1);
    expect(verdicts.at(-1)).toBe("close");
  });

  // A loaded server reads a flood in chunks: a token that trickles back mid-flood must not earn
  // the flooder a second warning (seen on a loaded CI machine: two errors for one flood).
  it("warns once per flood even when tokens trickle back between its messages", () => {
    const { budget, advance } = clockedBudget();
    const verdicts: string[] = [];
    for (let i = 0; i < 3_000 && verdicts.at(-1) !== "close"; i++) {
      verdicts.push(budget());
      advance(5);
    }
    expect(verdicts.filter((v) => v === "warn")).toHaveLength(1);
    expect(verdicts.at(-1)).toBe("close");
  });

  it("forgives a client once it has been calm long enough to refill the burst", () => {
    const { budget, advance } = clockedBudget();
    for (let i = 0; i < 70; i++) budget();
    advance(60_000);
    const again = Array.from({ length: 61 }, () => budget());
    expect(again.slice(0, 60).every((v) => v === "ok")).toBe(true);
    expect(again[60]).toBe("warn");
  });
});
