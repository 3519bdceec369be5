// Unit: the player clock (slides at key-point timestamps, captions over the duration).
import {
  buildCaptions,
  buildSlides,
  formatClock,
  indexAt,
  nextSlideStart,
  previousSlideStart,
  splitSentences,
  timestampsValid,
} from "./timing";

const video = { keyPoints: ["Cells", "Membranes", "Nucleus"], timestamps: [0, 20, 45], duration: 60 };

describe("player timing", () => {
  test("each slide starts at its key point's timestamp and ends where the next begins", () => {
    expect(buildSlides(video)).toEqual([
      { index: 0, text: "Cells", start: 0, end: 20 },
      { index: 1, text: "Membranes", start: 20, end: 45 },
      { index: 2, text: "Nucleus", start: 45, end: 60 },
    ]);
  });

  test("the slide shown changes exactly at the timestamp", () => {
    const slides = buildSlides(video);
    expect(indexAt(slides, 0)).toBe(0);
    expect(indexAt(slides, 19.99)).toBe(0);
    expect(indexAt(slides, 20)).toBe(1);
    expect(indexAt(slides, 59)).toBe(2);
    expect(indexAt(slides, 60)).toBe(2);
  });

  test("an intro before the first key point still shows the first slide", () => {
    const slides = buildSlides({ ...video, timestamps: [5, 20, 45] });
    expect(slides[0].start).toBe(0);
    expect(indexAt(slides, 2)).toBe(0);
  });

  test("timestamps that break the contract fall back to even spacing", () => {
    expect(timestampsValid({ ...video, timestamps: [0, 30, 20] })).toBe(false);
    expect(timestampsValid({ ...video, timestamps: [0, 20] })).toBe(false);
    expect(timestampsValid({ ...video, timestamps: [0, 20, 60] })).toBe(false);
    const slides = buildSlides({ ...video, timestamps: [0, 30, 20] });
    expect(slides.map((s) => s.start)).toEqual([0, 20, 40]);
  });

  test("no key points means no slides and no index", () => {
    expect(buildSlides({ keyPoints: [], timestamps: [], duration: 10 })).toEqual([]);
    expect(indexAt([], 3)).toBe(-1);
  });

  test("captions split the script into sentences timed by length and cover the whole duration", () => {
    const captions = buildCaptions("Short one. A much longer second sentence here!  Third?", 30);
    expect(captions.map((c) => c.text)).toEqual(["Short one.", "A much longer second sentence here!", "Third?"]);
    expect(captions[0].start).toBe(0);
    expect(captions[2].end).toBe(30);
    expect(captions[1].end - captions[1].start).toBeGreaterThan(captions[0].end - captions[0].start);
    for (let i = 1; i < captions.length; i++) expect(captions[i].start).toBeCloseTo(captions[i - 1].end);
    expect(indexAt(captions, 29.9)).toBe(2);
  });

  test("a missing script gives no captions", () => {
    expect(buildCaptions(null, 30)).toEqual([]);
    expect(buildCaptions("Text.", 0)).toEqual([]);
    expect(splitSentences("No final stop")).toEqual(["No final stop"]);
  });

  test("previous restarts the current slide, or goes back one when at its start; next stops at the last", () => {
    const slides = buildSlides(video);
    expect(previousSlideStart(slides, 30)).toBe(20);
    expect(previousSlideStart(slides, 21)).toBe(0);
    expect(previousSlideStart(slides, 1)).toBe(0);
    expect(nextSlideStart(slides, 5)).toBe(20);
    expect(nextSlideStart(slides, 50)).toBeNull();
  });

  test("clock reads minutes and seconds", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65.7)).toBe("1:05");
  });
});
