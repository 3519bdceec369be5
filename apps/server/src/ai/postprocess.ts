// Turns what a provider returned into a Lesson that satisfies the contract: clean strings, deduped
// key points in narration order with timestamps inside the narration, bounded counts, and a quiz of
// at least four explained questions with answers spread over the positions (quiz/build-quiz.ts).
// Quality judgements (is it good enough?) live in quality.ts.
import { SUBJECT_LABELS } from "@lm/core";
import { LIMITS, type RawLesson, toScriptLesson } from "./lesson-schema.js";
import { layoutNarration } from "./narration.js";
import type { Lesson, LessonInput } from "./types.js";
import { buildQuiz } from "./quiz/build-quiz.js";
import { cleanText, contentStems, hashString, splitSentences, truncateWords, wordCount, words } from "./text.js";

/** Seconds of narration at ~150 words a minute; at least one second per key point plus one. */
export function narrationSeconds(script: string, keyPointCount = 0): number {
  const seconds = Math.ceil((wordCount(script) / LIMITS.wordsPerMinute) * 60);
  return Math.max(seconds, keyPointCount + 1, 1);
}

/**
 * Makes timestamps strictly increasing integers in [0, duration). Raw values may be fractional,
 * unordered or past the end (a model's guess); the order of the input is kept.
 */
export function normaliseTimestamps(raw: number[], duration: number): number[] {
  const n = raw.length;
  if (n === 0) return [];
  if (duration < n) throw new RangeError(`duration ${duration} cannot hold ${n} strictly increasing timestamps`);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = Number.isFinite(raw[i]) ? Math.max(0, Math.floor(raw[i])) : 0;
    out.push(i === 0 ? v : Math.max(v, out[i - 1] + 1));
  }
  // Pull the tail back inside the narration, keeping one second between neighbours.
  for (let i = n - 1; i >= 0; i--) {
    const ceiling = i === n - 1 ? duration - 1 : out[i + 1] - 1;
    if (out[i] > ceiling) out[i] = ceiling;
  }
  return out;
}

function keyPointKey(point: string): string {
  return [...new Set(contentStems(point))].sort().join(" ");
}

function similar(a: string, b: string): boolean {
  const sa = new Set(contentStems(a));
  const sb = new Set(contentStems(b));
  if (sa.size === 0 || sb.size === 0) return a.toLowerCase() === b.toLowerCase();
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / Math.min(sa.size, sb.size) >= 0.8;
}

/** A key point without bullet marks or extra whitespace, cut to length. */
function cleanKeyPoint(raw: string): string {
  return truncateWords(cleanText(raw).replace(/^[-*•\d.)\s]+/, ""), LIMITS.keyPoint.max);
}

export function dedupeKeyPoints(points: string[]): string[] {
  const kept: string[] = [];
  const keys = new Set<string>();
  for (const raw of points) {
    const p = cleanKeyPoint(raw);
    if (p.length < LIMITS.keyPoint.min) continue;
    const key = keyPointKey(p);
    if (keys.has(key) || kept.some((k) => similar(k, p))) continue;
    keys.add(key);
    kept.push(p);
  }
  return kept;
}

/** Key points sorted into narration order, each with the second its sentence starts at. */
export function timeKeyPoints(points: string[], script: string, duration: number) {
  const { sentences, located } = layoutNarration(script, points);
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += wordCount(s);
  }
  const totalWords = Math.max(offset, 1);
  // Points the script never mentions are spread evenly so they still get a sensible slot.
  const withPos = points.map((p, i) => ({
    p,
    i,
    pos: located[i] >= 0 ? starts[located[i]] : Math.floor((i / points.length) * totalWords),
  }));
  withPos.sort((a, b) => a.pos - b.pos || a.i - b.i);
  const raw = withPos.map((x) => (x.pos / totalWords) * duration);
  return { keyPoints: withPos.map((x) => x.p), timestamps: normaliseTimestamps(raw, duration) };
}

function cleanTags(tags: string[], input: LessonInput): string[] {
  const out: string[] = [];
  const subjectTag = SUBJECT_LABELS[input.subject].toLowerCase();
  for (const t of [...tags, subjectTag]) {
    const tag = truncateWords(cleanText(t).replace(/^#+/, "").toLowerCase(), LIMITS.tag.max);
    if (tag && words(tag).length > 0 && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, LIMITS.tags.max);
}

function firstSentences(script: string, maxChars: number): string {
  let out = "";
  for (const s of splitSentences(script)) {
    if ((out + " " + s).trim().length > maxChars) break;
    out = (out + " " + s).trim();
  }
  return out || truncateWords(script, maxChars);
}

export function postProcess(given: RawLesson, input: LessonInput): Lesson {
  const raw = toScriptLesson(given);
  const script = cleanText(raw.script);
  const title = truncateWords(cleanText(raw.title), LIMITS.title.max) || truncateWords(cleanText(input.topic), 100);
  let summary = truncateWords(cleanText(raw.scriptSummary), LIMITS.summary.max);
  if (summary.length < LIMITS.summary.min) summary = firstSentences(script, 300);
  const points = dedupeKeyPoints(raw.keyPoints).slice(0, LIMITS.keyPoints.max);
  const duration = narrationSeconds(script, points.length);
  const { keyPoints, timestamps } = timeKeyPoints(points, script, duration);
  const quiz = buildQuiz(raw.quiz, {
    title,
    script,
    keyPoints,
    timestamps,
    providerKeyPoints: raw.keyPoints.map(cleanKeyPoint),
    seed: hashString(`${title}\n${script}`),
  });
  return {
    title,
    script,
    scriptSummary: summary,
    keyPoints,
    timestamps,
    duration,
    tags: cleanTags(raw.tags, input),
    quiz,
  };
}
