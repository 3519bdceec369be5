// The optimiser runs in a child process so that a crash there (the native fit aborts its process on
// input it rejects) fails one fit and leaves the API running.
import { describe, expect, it } from "vitest";
import { fitWeights, OptimizerTimeout } from "./run.js";

describe("fitWeights", () => {
  it("a child that dies rejects the fit; the caller's process lives on and the next fit works", async () => {
    // `starts` points past the arrays: the child's item builder throws outside any handler and exits.
    const broken = { ratings: new Uint8Array([3, 3]), days: new Int32Array([0, 2]), starts: new Uint32Array([0, 5]) };
    await expect(fitWeights(broken, 60_000)).rejects.toThrow(/The optimiser stopped \(exit code 1\)/);
    const log = {
      ratings: new Uint8Array([3, 3, 3, 1, 3]),
      days: new Int32Array([0, 2, 6, 0, 3]),
      starts: new Uint32Array([0, 3]),
    };
    const fit = await fitWeights(log, 60_000);
    expect(fit.items).toBe(3);
    expect(fit.weights).toHaveLength(21);
  }, 120_000);

  it("a fit past its time is stopped and reported as a timeout", async () => {
    const log = { ratings: new Uint8Array([3, 3]), days: new Int32Array([0, 2]), starts: new Uint32Array([0]) };
    await expect(fitWeights(log, 1)).rejects.toBeInstanceOf(OptimizerTimeout);
  });
});
