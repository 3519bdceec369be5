// Grounding (issue 17 item 6): each key point of a lesson made from notes points back at the part of
// the notes it came from, so a student can check it. The span is computed here, server-side, from
// the stored notes: offsets are into the notes exactly as stored, so a client can highlight them.
import type { KeyPointSource } from "@lm/core";
import { contentStems } from "./text.js";

interface Span {
  start: number;
  end: number;
}

/**
 * Sentence-sized spans of the raw notes with their offsets. A span ends at ., ! or ? followed by
 * whitespace, or at a line break (bullets and headings are one line each); leading bullet marks
 * and whitespace are not part of the span.
 */
export function noteSpans(notes: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n.!?]+(?:[.!?]+(?=\s|$))?|[.!?]+/g;
  for (let m = re.exec(notes); m; m = re.exec(notes)) {
    const lead = /^[\s\-*•▪◦‣–]*/.exec(m[0])?.[0].length ?? 0;
    const trimmed = m[0].slice(lead).trimEnd();
    if (/[\p{L}\p{N}]/u.test(trimmed)) spans.push({ start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return spans;
}

/** Share of the key point's meaningful stems found in the span (0..1); recall, so long spans are not favoured much. */
function overlap(pointStems: string[], spanText: string): number {
  if (pointStems.length === 0) return 0;
  const have = new Set(contentStems(spanText));
  const hits = pointStems.filter((s) => have.has(s)).length;
  return hits / pointStems.length;
}

/** Below this share of shared words a key point is not said to come from the notes at all. */
const MIN_OVERLAP = 0.25;

/**
 * The span of `notes` a key point came from: the exact text when the point quotes the notes
 * (extractive lessons), otherwise the sentence sharing the most meaningful words with it (ties: the
 * earlier). Null when nothing in the notes is close enough.
 */
export function groundKeyPoint(point: string, notes: string): KeyPointSource | null {
  const needle = point.trim().replace(/[.!?]+$/, "");
  if (needle) {
    const at = notes.toLowerCase().indexOf(needle.toLowerCase());
    if (at >= 0) return { start: at, end: at + needle.length, text: notes.slice(at, at + needle.length) };
  }
  const stems = [...new Set(contentStems(point))];
  let best: { span: Span; score: number } | null = null;
  for (const span of noteSpans(notes)) {
    const score = overlap(stems, notes.slice(span.start, span.end));
    if (!best || score > best.score) best = { span, score };
  }
  if (!best || best.score < MIN_OVERLAP) return null;
  return { start: best.span.start, end: best.span.end, text: notes.slice(best.span.start, best.span.end) };
}

/** One source per key point (null where none); null overall for lessons without notes. */
export function groundKeyPoints(points: readonly string[], notes: string | null): (KeyPointSource | null)[] | null {
  if (!notes?.trim()) return null;
  return points.map((p) => groundKeyPoint(p, notes));
}

/**
 * A replacement for key point `index`, written from the notes alone (no model needed): the notes
 * sentence closest to what the point was about that is neither the point itself nor another key
 * point's source, quoted as it stands. Null when the notes have no such sentence.
 */
export function rewriteKeyPoint(
  points: readonly string[],
  index: number,
  notes: string,
): { text: string; source: KeyPointSource } | null {
  const stems = [...new Set(contentStems(points[index] ?? ""))];
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  const taken = new Set(points.map(norm));
  let best: { span: Span; score: number } | null = null;
  for (const span of noteSpans(notes)) {
    const text = notes.slice(span.start, span.end);
    if (taken.has(norm(text))) continue;
    const score = overlap(stems, text);
    if (!best || score > best.score) best = { span, score };
  }
  if (!best) return null;
  const text = notes.slice(best.span.start, best.span.end);
  return { text, source: { start: best.span.start, end: best.span.end, text } };
}
