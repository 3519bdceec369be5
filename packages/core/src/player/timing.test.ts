// Unit: the lesson player's clock, as both the web and the mobile player use it (slides at
// key-point timestamps, captions spread over the lesson or over each slide, seeking and skipping).
import { describe, expect, it } from "vitest";
import {
  advance,
  buildCaptions,
  buildSlides,
  captionAt,
  captionsBySlide,
  clampTime,
  formatClock,
  indexAt,
  nextSlideStart,
  previousSlideStart,
  progressFraction,
  seekFraction,
  splitSentences,
  timestampsValid,
} from "./timing.js";

const video = { keyPoints: ["Cells", "Membranes", "Nucleus"], timestamps: [0, 20, 45], duration: 60 };
const four = buildSlides({ keyPoints: ["A", "B", "C", "D"], timestamps: [0, 10, 25, 40], duration: 60 });

describe("slides", () => {
  it("each slide starts at its key point's timestamp and ends where the next begins", () => {
    expect(buildSlides(video)).toEqual([
      { index: 0, text: "Cells", start: 0, end: 20 },
      { index: 1, text: "Membranes", start: 20, end: 45 },
      { index: 2, text: "Nucleus", start: 45, end: 60 },
    ]);
  });

  it("the slide shown changes exactly at the timestamp, and the last one holds to the end", () => {
    expect([0, 9.99, 10, 24, 25, 59, 60].map((t) => indexAt(four, t))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it("an intro before the first key point still shows the first slide", () => {
    const slides = buildSlides({ ...video, timestamps: [5, 20, 45] });
    expect(slides[0].start).toBe(0);
    expect(indexAt(slides, 2)).toBe(0);
  });

  it("timestamps that break the contract fall back to even spacing", () => {
    expect(timestampsValid(video)).toBe(true);
    expect(timestampsValid({ ...video, timestamps: [0, 30, 20] })).toBe(false); // not increasing
    expect(timestampsValid({ ...video, timestamps: [0, 20] })).toBe(false); // one missing
    expect(timestampsValid({ ...video, timestamps: [0, 20, 60] })).toBe(false); // at the very end
    expect(timestampsValid({ ...video, timestamps: [-1, 20, 45] })).toBe(false);
    expect(buildSlides({ ...video, timestamps: [0, 30, 20] }).map((s) => s.start)).toEqual([0, 20, 40]);
    expect(buildSlides({ ...video, timestamps: [] }).map((s) => s.end)).toEqual([20, 40, 60]);
  });

  it("no key points means no slides and no index", () => {
    expect(buildSlides({ keyPoints: [], timestamps: [], duration: 10 })).toEqual([]);
    expect(indexAt([], 3)).toBe(-1);
  });
});

describe("captions", () => {
  it("split the script into sentences timed by length and cover the whole duration", () => {
    const captions = buildCaptions("Short one. A much longer second sentence here!  Third?", 30);
    expect(captions.map((c) => c.text)).toEqual(["Short one.", "A much longer second sentence here!", "Third?"]);
    expect(captions[0].start).toBe(0);
    expect(captions[2].end).toBe(30);
    expect(captions[1].end - captions[1].start).toBeGreaterThan(captions[0].end - captions[0].start);
    for (let i = 1; i < captions.length; i++) expect(captions[i].start).toBe(captions[i - 1].end);
    expect(captionAt(captions, 29.9)?.text).toBe("Third?");
    expect(captionAt(captions, 0)?.text).toBe("Short one.");
  });

  it("a missing script or an empty lesson gives no captions", () => {
    expect(buildCaptions(null, 30)).toEqual([]);
    expect(buildCaptions("Text.", 0)).toEqual([]);
    expect(captionAt([], 3)).toBeUndefined();
  });

  it("per slide: each slide narrates the sentences that start while it is on screen", () => {
    const script = "Alpha one. Alpha two. Beta one. Beta two.";
    const slides = buildSlides({ keyPoints: ["A", "B"], timestamps: [0, 20], duration: 40 });
    const bySlide = captionsBySlide(slides, buildCaptions(script, 40));
    expect(bySlide.map((lines) => lines.map((c) => c.text))).toEqual([
      ["Alpha one.", "Alpha two."],
      ["Beta one.", "Beta two."],
    ]);
    // Re-timed within the slide: the slide's span is shared by its own sentences.
    expect(bySlide[1][0].start).toBe(20);
    expect(bySlide[1][1].end).toBe(40);
    expect(captionAt(bySlide[0], 0)?.text).toBe("Alpha one.");
    expect(captionAt(bySlide[0], 15)?.text).toBe("Alpha two.");
  });

  it("per slide: a slide the script does not reach narrates its key point", () => {
    const slides = buildSlides({ keyPoints: ["Only point"], timestamps: [0], duration: 30 });
    expect(captionsBySlide(slides, buildCaptions(null, 30))).toEqual([
      [{ index: 0, text: "Only point", start: 0, end: 30 }],
    ]);
  });

  it("sentences keep their punctuation and closing quotes, and lose stray whitespace", () => {
    expect(splitSentences("Why? Because! Done")).toEqual(["Why?", "Because!", "Done"]);
    expect(splitSentences('He said "stop." Then\n  left...')).toEqual(['He said "stop."', "Then left..."]);
    expect(splitSentences("No final stop")).toEqual(["No final stop"]);
    expect(splitSentences("   ")).toEqual([]);
  });
});

describe("moving around", () => {
  it("previous restarts the current slide, or goes back one within 2 s of its start", () => {
    expect(previousSlideStart(four, 18)).toBe(10); // well into slide 1: restart it
    expect(previousSlideStart(four, 11)).toBe(0); // just began slide 1: go to slide 0
    expect(previousSlideStart(four, 1)).toBe(0);
    expect(previousSlideStart(buildSlides(video), 30)).toBe(20);
    expect(previousSlideStart(buildSlides(video), 21)).toBe(0);
    expect(previousSlideStart([], 5)).toBe(0);
  });

  it("next goes to the next slide's start, and from the last slide to the end", () => {
    expect(nextSlideStart(four, 3, 60)).toBe(10);
    expect(nextSlideStart(four, 45, 60)).toBe(60);
    expect(nextSlideStart([], 5, 60)).toBe(60);
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
    expect(clampTime(5, -1)).toBe(0);
    expect(progressFraction(15, 60)).toBe(0.25);
    expect(progressFraction(15, 0)).toBe(0);
  });

  it("the clock reads minutes and seconds", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65.7)).toBe("1:05");
    expect(formatClock(-3)).toBe("0:00");
  });
});
