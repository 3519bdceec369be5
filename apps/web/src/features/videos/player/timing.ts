// The lesson player's clock, as pure functions: which slide is on screen at second t, where a
// seek lands, how far the clock moves at a given speed, and which words are being narrated.
// timestamps[i] is the second at which keyPoints[i] (slide i) starts; duration is in seconds.

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
export type Speed = (typeof SPEEDS)[number];

export function clampTime(t: number, duration: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(Math.max(t, 0), Math.max(duration, 0));
}

/** Index of the slide on screen at second t (the last one that has started; 0 before the first). */
export function slideAt(t: number, timestamps: readonly number[]): number {
  let index = 0;
  for (let i = 0; i < timestamps.length; i++) {
    if (timestamps[i] <= t) index = i;
    else break;
  }
  return index;
}

/** The second where slide i starts (clamped to the existing slides). */
export function slideStart(i: number, timestamps: readonly number[]): number {
  if (timestamps.length === 0) return 0;
  return timestamps[Math.min(Math.max(i, 0), timestamps.length - 1)];
}

/** [start, end) of slide i. */
export function slideRange(i: number, timestamps: readonly number[], duration: number): [number, number] {
  const start = slideStart(i, timestamps);
  const end = i + 1 < timestamps.length ? timestamps[i + 1] : duration;
  return [start, Math.max(end, start)];
}

/** Seeking to the next/previous slide. "Previous" restarts the current slide unless it only just began. */
export function nextSlideTime(t: number, timestamps: readonly number[], duration: number): number {
  const i = slideAt(t, timestamps);
  return i + 1 < timestamps.length ? timestamps[i + 1] : duration;
}

export function prevSlideTime(t: number, timestamps: readonly number[], graceSeconds = 2): number {
  const i = slideAt(t, timestamps);
  const start = slideStart(i, timestamps);
  if (t - start > graceSeconds || i === 0) return start;
  return slideStart(i - 1, timestamps);
}

/** The clock after `elapsedMs` of real time at `speed`, stopping at the end. */
export function advance(t: number, elapsedMs: number, speed: number, duration: number): number {
  return clampTime(t + (elapsedMs / 1000) * speed, duration);
}

/** Where a click at fraction x (0..1) of the progress bar lands. */
export function seekFraction(x: number, duration: number): number {
  return clampTime(x * duration, duration);
}

export function progressFraction(t: number, duration: number): number {
  return duration > 0 ? clampTime(t, duration) / duration : 0;
}

/** Splits text into sentences (keeps the punctuation). */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]+["')\]]*|[^.!?]+$/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

export interface Slide {
  index: number;
  start: number;
  end: number;
  heading: string;
  /** The part of the script narrated while this slide is on screen. */
  narration: string[];
}

/**
 * One slide per key point. The script's sentences are shared out by time: a sentence belongs to
 * the slide whose time span contains the moment it starts (script read at an even pace).
 */
export function buildSlides(
  script: string | null,
  keyPoints: readonly string[],
  timestamps: readonly number[],
  duration: number,
): Slide[] {
  const count = Math.min(keyPoints.length, timestamps.length);
  const slides: Slide[] = Array.from({ length: count }, (_, i) => {
    const [start, end] = slideRange(i, timestamps.slice(0, count), duration);
    return { index: i, start, end, heading: keyPoints[i], narration: [] };
  });
  if (count === 0) return slides;
  const parts = sentences(script ?? "");
  const total = parts.reduce((n, s) => n + s.length, 0) || 1;
  let offset = 0;
  for (const sentence of parts) {
    const at = (offset / total) * duration;
    slides[slideAt(at, timestamps.slice(0, count))].narration.push(sentence);
    offset += sentence.length;
  }
  for (const slide of slides) if (slide.narration.length === 0) slide.narration.push(slide.heading);
  return slides;
}

/** The caption (sentence) being narrated at second t within its slide. */
export function captionAt(t: number, slide: Slide): string {
  const lines = slide.narration;
  if (lines.length <= 1) return lines[0] ?? "";
  const total = lines.reduce((n, s) => n + s.length, 0);
  const span = Math.max(slide.end - slide.start, 0.001);
  const target = ((clampTime(t, slide.end) - slide.start) / span) * total;
  let acc = 0;
  for (const line of lines) {
    acc += line.length;
    if (target < acc) return line;
  }
  return lines[lines.length - 1];
}
