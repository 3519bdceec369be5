// The lesson player's clock, as pure functions: which slide and caption show at second t.
// The web app's player follows the same rules (slides start at key-point timestamps; captions
// are the script's sentences spread over the duration in proportion to their length).
import type { Video } from "@lm/core";

export interface Slide {
  index: number;
  text: string;
  start: number;
  end: number;
}

export interface Caption {
  index: number;
  text: string;
  start: number;
  end: number;
}

type Timed = Pick<Video, "keyPoints" | "timestamps" | "duration">;

/** True when timestamps match the contract: one per key point, strictly increasing, each < duration. */
export function timestampsValid({ keyPoints, timestamps, duration }: Timed): boolean {
  if (timestamps.length !== keyPoints.length) return false;
  return timestamps.every((t, i) => t >= 0 && t < duration && (i === 0 || t > timestamps[i - 1]));
}

/** One slide per key point; a video that breaks the contract gets evenly spaced slides instead. */
export function buildSlides(video: Timed): Slide[] {
  const duration = Math.max(0, video.duration);
  const n = video.keyPoints.length;
  if (n === 0) return [];
  const starts = timestampsValid(video) ? video.timestamps : video.keyPoints.map((_, i) => (duration * i) / n);
  return video.keyPoints.map((text, i) => ({
    index: i,
    text,
    // The first slide covers any intro before the first key point.
    start: i === 0 ? 0 : starts[i],
    end: i === n - 1 ? duration : starts[i + 1],
  }));
}

/** Index of the item whose [start, end) holds t; the last item also owns t === end. */
export function indexAt(items: ReadonlyArray<{ start: number; end: number }>, t: number): number {
  if (items.length === 0) return -1;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (items[mid].start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

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

/** Captions from the narration script, timed in proportion to each sentence's length. */
export function buildCaptions(script: string | null, duration: number): Caption[] {
  const sentences = splitSentences(script ?? "");
  const total = sentences.reduce((sum, s) => sum + s.length, 0);
  if (total === 0 || duration <= 0) return [];
  let at = 0;
  return sentences.map((text, index) => {
    const start = at;
    at = index === sentences.length - 1 ? duration : at + (duration * text.length) / total;
    return { index, text, start, end: at };
  });
}

export function clampTime(t: number, duration: number): number {
  return Math.min(Math.max(0, t), Math.max(0, duration));
}

/** "Previous" goes to the start of the current slide, or to the one before when already near its start. */
export function previousSlideStart(slides: Slide[], t: number, grace = 2): number {
  const i = indexAt(slides, t);
  if (i < 0) return 0;
  if (t - slides[i].start > grace || i === 0) return slides[i].start;
  return slides[i - 1].start;
}

/** Start of the next slide, or null on the last one. */
export function nextSlideStart(slides: Slide[], t: number): number | null {
  const i = indexAt(slides, t);
  return i >= 0 && i < slides.length - 1 ? slides[i + 1].start : null;
}

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
