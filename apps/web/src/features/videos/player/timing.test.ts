import { describe, expect, it } from "vitest";
import {
  advance,
  buildSlides,
  captionAt,
  clampTime,
  nextSlideTime,
  prevSlideTime,
  progressFraction,
  seekFraction,
  sentences,
  slideAt,
} from "./timing";

const ts = [0, 10, 25, 40];

describe("player timing", () => {
  it("shows the slide whose timestamp has most recently passed", () => {
    expect(slideAt(0, ts)).toBe(0);
    expect(slideAt(9.99, ts)).toBe(0);
    expect(slideAt(10, ts)).toBe(1);
    expect(slideAt(24, ts)).toBe(1);
    expect(slideAt(25, ts)).toBe(2);
    expect(slideAt(59, ts)).toBe(3);
  });

  it("shows the first slide before the first timestamp", () => {
    expect(slideAt(1, [3, 8])).toBe(0);
  });

  it("moves the clock by real time times speed and stops at the end", () => {
    expect(advance(10, 1000, 1, 60)).toBe(11);
    expect(advance(10, 1000, 2, 60)).toBe(12);
    expect(advance(10, 1000, 0.75, 60)).toBeCloseTo(10.75);
    expect(advance(59.5, 1000, 1.5, 60)).toBe(60);
  });

  it("seeks within the lesson and never outside it", () => {
    expect(seekFraction(0.5, 60)).toBe(30);
    expect(seekFraction(-1, 60)).toBe(0);
    expect(seekFraction(2, 60)).toBe(60);
    expect(clampTime(Number.NaN, 60)).toBe(0);
    expect(progressFraction(15, 60)).toBe(0.25);
  });

  it("jumps to the next slide, and back to the start of this one or the previous", () => {
    expect(nextSlideTime(3, ts, 60)).toBe(10);
    expect(nextSlideTime(45, ts, 60)).toBe(60);
    expect(prevSlideTime(18, ts)).toBe(10); // well into slide 1: restart it
    expect(prevSlideTime(11, ts)).toBe(0); // just began slide 1: go to slide 0
    expect(prevSlideTime(1, ts)).toBe(0);
  });

  it("splits the script into one slide per key point, sharing sentences by time", () => {
    const script = "Alpha one. Alpha two. Beta one. Beta two.";
    const slides = buildSlides(script, ["A", "B"], [0, 20], 40);
    expect(slides).toHaveLength(2);
    expect(slides[0]).toMatchObject({ start: 0, end: 20, heading: "A" });
    expect(slides[1]).toMatchObject({ start: 20, end: 40, heading: "B" });
    expect(slides[0].narration).toEqual(["Alpha one.", "Alpha two."]);
    expect(slides[1].narration).toEqual(["Beta one.", "Beta two."]);
    expect(captionAt(0, slides[0])).toBe("Alpha one.");
    expect(captionAt(15, slides[0])).toBe("Alpha two.");
  });

  it("falls back to the key point when a slide has no script", () => {
    const slides = buildSlides(null, ["Only point"], [0], 30);
    expect(slides[0].narration).toEqual(["Only point"]);
  });

  it("keeps sentence punctuation", () => {
    expect(sentences("Why? Because! Done")).toEqual(["Why?", "Because!", "Done"]);
  });
});
