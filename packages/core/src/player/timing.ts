// The lesson player's clock as pure functions, shared by the web and mobile players so a lesson
// plays the same everywhere: which slide and caption are on screen at second t, where "previous",
// "next" and a seek land, and how far the clock moves at a given speed. No DOM, React or zod here:
// the web app's first load includes this file.

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
export type Speed = (typeof SPEEDS)[number];

/** Anything shown over a span of the lesson: [start, end) in seconds. */
export interface TimedText {
  index: number;
  text: string;
  start: number;
  end: number;
}
/** One slide per key point; `text` is the key point. */
export type Slide = TimedText;
/** One sentence of the narration script. */
export type Caption = TimedText;

/** What the clock needs from a lesson (a `Video` fits). timestamps[i] is when keyPoints[i] starts. */
export interface LessonTimeline {
  keyPoints: readonly string[];
  timestamps: readonly number[];
  duration: number;
}

/** True when timestamps match the contract: one per key point, strictly increasing, each < duration. */
export function timestampsValid({ keyPoints, timestamps, duration }: LessonTimeline): boolean {
  if (timestamps.length !== keyPoints.length) return false;
  return timestamps.every((t, i) => t >= 0 && t < duration && (i === 0 || t > timestamps[i - 1]));
}

/** One slide per key point; a lesson that breaks the timestamp contract gets evenly spaced slides instead. */
export function buildSlides(lesson: LessonTimeline): Slide[] {
  const duration = Math.max(0, lesson.duration);
  const n = lesson.keyPoints.length;
  const starts = timestampsValid(lesson) ? lesson.timestamps : lesson.keyPoints.map((_, i) => (duration * i) / n);
  return lesson.keyPoints.map((text, i) => ({
    index: i,
    text,
    // The first slide covers any intro before the first key point, so "previous" never jumps forward.
    start: i === 0 ? 0 : starts[i],
    end: i === n - 1 ? duration : starts[i + 1],
  }));
}

/** Splits a script into sentences, keeping their punctuation and any closing quote or bracket. */
export function splitSentences(script: string): string[] {
  return (
    script
      .replace(/\s+/g, " ")
      .trim()
      .match(/[^.!?]+(?:[.!?]+["')\]]*|$)/g) ?? []
  )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Lays texts end to end over [start, end), each getting time in proportion to its length (an even reading pace). */
function spread(texts: readonly string[], start: number, end: number): Caption[] {
  const total = texts.reduce((sum, s) => sum + s.length, 0) || 1;
  const span = end - start;
  let offset = 0;
  return texts.map((text, index) => {
    // From the running offset rather than summed durations, so neighbours meet exactly.
    const from = start + (span * offset) / total;
    offset += text.length;
    return { index, text, start: from, end: index === texts.length - 1 ? end : start + (span * offset) / total };
  });
}

/** Captions for the whole lesson: the script's sentences spread over the duration. */
export function buildCaptions(script: string | null, duration: number): Caption[] {
  const sentences = splitSentences(script ?? "");
  if (sentences.length === 0 || duration <= 0) return [];
  return spread(sentences, 0, duration);
}

/**
 * Captions slide by slide, for a player that shows each slide's own narration: a sentence belongs
 * to the slide on screen when it starts, and a slide's sentences share its span by length. A slide
 * the script never reaches narrates its key point, so no slide is silent.
 */
export function captionsBySlide(slides: readonly Slide[], captions: readonly Caption[]): Caption[][] {
  const texts: string[][] = slides.map(() => []);
  for (const caption of captions) texts[indexAt(slides, caption.start)]?.push(caption.text);
  return slides.map((slide, i) => spread(texts[i].length > 0 ? texts[i] : [slide.text], slide.start, slide.end));
}

/** Index of the item whose [start, end) holds t (items sorted by start); -1 when there are none. */
export function indexAt(items: ReadonlyArray<{ start: number }>, t: number): number {
  if (items.length === 0) return -1;
  // Before the first start still shows the first item; the last one also owns t === end.
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (items[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The caption on screen at second t, if any. */
export function captionAt(captions: readonly Caption[], t: number): Caption | undefined {
  return captions[indexAt(captions, t)];
}

export function clampTime(t: number, duration: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(Math.max(t, 0), Math.max(duration, 0));
}

/** "Previous" restarts the slide on screen, or goes back one when that slide only just began. */
export function previousSlideStart(slides: readonly Slide[], t: number, graceSeconds = 2): number {
  const i = indexAt(slides, t);
  if (i < 0) return 0;
  if (t - slides[i].start > graceSeconds || i === 0) return slides[i].start;
  return slides[i - 1].start;
}

/** "Next" goes to the next slide's start; on the last slide (or with none) to the end of the lesson. */
export function nextSlideStart(slides: readonly Slide[], t: number, duration: number): number {
  const i = indexAt(slides, t);
  return i >= 0 && i < slides.length - 1 ? slides[i + 1].start : Math.max(duration, 0);
}

/** The clock after `elapsedMs` of real time at `speed`, stopping at the end. */
export function advance(t: number, elapsedMs: number, speed: number, duration: number): number {
  return clampTime(t + (elapsedMs / 1000) * speed, duration);
}

/** Where a tap at fraction x (0..1) of the progress bar lands. */
export function seekFraction(x: number, duration: number): number {
  return clampTime(x * duration, duration);
}

/** How much of the lesson has played, 0..1 (for the progress bar and chapter marks). */
export function progressFraction(t: number, duration: number): number {
  return duration > 0 ? clampTime(t, duration) / duration : 0;
}

/** m:ss, as the player's clock shows it. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
