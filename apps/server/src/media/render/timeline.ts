// From measured speech to time: each segment gets a slot of whole seconds (its speech plus a short
// pause), so key-point timestamps, which the contract keeps as integers, are exactly where each
// voice starts. Captions split a segment's speech in proportion to the characters spoken.
import type { Segment } from "./narration.js";
import { splitSentences } from "./sentences.js";

export interface Cue {
  start: number;
  end: number;
  text: string;
}

export interface SegmentTiming {
  /** Where the segment's voice starts (a whole second). */
  start: number;
  /** Where its voice stops. */
  speechEnd: number;
  /** Where the next segment starts. */
  end: number;
  /** When each of the segment's sentences starts being spoken. */
  sentenceStarts: number[];
}

export interface Timeline {
  /** Whole seconds: the MP4's length. */
  duration: number;
  segments: SegmentTiming[];
  /** timestamps[i]: the second key point i's segment starts. */
  timestamps: number[];
  cues: Cue[];
  chapters: Cue[];
}

/** At least this much quiet after each segment before the next slide. */
const PAUSE_SECONDS = 0.4;
/** Two caption lines of ~42 characters. */
const CUE_MAX_CHARS = 84;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const weight = (text: string) => text.replace(/\s+/g, "").length + 1;

/** Splits a long sentence into nearly equal pieces of at most CUE_MAX_CHARS, at word boundaries. */
export function cueTexts(sentence: string): string[] {
  if (sentence.length <= CUE_MAX_CHARS) return [sentence];
  const words = sentence.split(" ");
  const pieces = Math.ceil(sentence.length / CUE_MAX_CHARS);
  const target = sentence.length / pieces;
  const out: string[] = [];
  let current = "";
  for (const w of words) {
    const next = current ? `${current} ${w}` : w;
    // Close a piece once it reaches its share, unless the remainder must go in the last one.
    if (current && next.length > target && out.length < pieces - 1) {
      out.push(current);
      current = w;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

export function buildTimeline(segments: Segment[], clipSeconds: number[], keyPoints: string[]): Timeline {
  const timings: SegmentTiming[] = [];
  const cues: Cue[] = [];
  let at = 0;
  segments.forEach((segment, i) => {
    const speech = clipSeconds[i];
    const slot = Math.max(1, Math.ceil(speech + PAUSE_SECONDS));
    const sentences = segment.sentences.flatMap((s) => splitSentences(s));
    const pieces = sentences.map((s) => cueTexts(s));
    const total = pieces.flat().reduce((sum, p) => sum + weight(p), 0) || 1;
    let spoken = 0;
    const sentenceStarts: number[] = [];
    for (const group of pieces) {
      sentenceStarts.push(round3(at + (speech * spoken) / total));
      for (const text of group) {
        const start = at + (speech * spoken) / total;
        spoken += weight(text);
        cues.push({ start: round3(start), end: round3(at + (speech * spoken) / total), text });
      }
    }
    timings.push({ start: at, speechEnd: round3(at + speech), end: at + slot, sentenceStarts });
    at += slot;
  });
  const pointStarts = segments.flatMap((s, i) => (s.kind === "point" ? [timings[i].start] : []));
  const timestamps = pointStarts.slice(0, keyPoints.length);
  const chapters = timestamps.map((start, i) => ({
    start,
    end: i + 1 < timestamps.length ? timestamps[i + 1] : at,
    text: keyPoints[i],
  }));
  return { duration: at, segments: timings, timestamps, cues, chapters };
}
