import { describe, expect, it } from "vitest";
import { WatchTracker } from "./watch-tracker.js";

describe("WatchTracker", () => {
  it("sends a beat every 30 s of playing, and the rest on pause", () => {
    const t = new WatchTracker();
    t.play(0, 0);
    expect(t.tick(29_000, 29)).toEqual([]);
    expect(t.tick(30_400, 30.4)).toEqual([{ positionSec: 30.4, secondsWatched: 30 }]);
    // 0.4 s carried over, 10 s more: 10 whole seconds on pause, 0.4 s left for later.
    expect(t.pause(40_400, 40.4)).toEqual([{ positionSec: 40.4, secondsWatched: 10 }]);
    expect(t.playing).toBe(false);
  });

  it("counts no paused time, nothing twice, and splits a long stretch into beats of at most 60 s", () => {
    const t = new WatchTracker();
    expect(t.pause(5_000, 0)).toEqual([]); // never played
    t.play(10_000, 0);
    t.play(20_000, 10); // already playing: the start stays at 10 s
    expect(t.pause(10_000 + 130_500, 130).map((b) => b.secondsWatched)).toEqual([60, 60, 10]);
    expect(t.pause(999_000, 130)).toEqual([]); // paused time adds nothing
    t.play(1_000_000, 130);
    expect(t.tick(999_000, 130)).toEqual([]); // a clock set back adds nothing and counts on from there
    expect(t.pause(999_600, 131)).toEqual([{ positionSec: 131, secondsWatched: 1 }]); // 0.5 + 0.6 s
  });
});
