// Turns what a provider returned into a Lesson that satisfies the contract: clean strings, deduped
// key points in narration order with timestamps inside the narration, bounded counts, and quiz
// answers that point at a real choice. Quality judgements (is it good enough?) live in quality.ts.
import type { QuizQuestion } from "@lm/core";
import { SUBJECT_LABELS } from "@lm/core";
import { LIMITS, type RawLesson } from "./lesson-schema.js";
import type { Lesson, LessonInput } from "./pipeline.js";
import { cleanText, contentStems, truncateWords, wordCount, words } from "./text.js";

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

export function dedupeKeyPoints(points: string[]): string[] {
  const kept: string[] = [];
  const keys = new Set<string>();
  for (const raw of points) {
    const p = truncateWords(cleanText(raw).replace(/^[-*•\d.)\s]+/, ""), LIMITS.keyPoint.max);
    if (p.length < LIMITS.keyPoint.min) continue;
    const key = keyPointKey(p);
    if (keys.has(key) || kept.some((k) => similar(k, p))) continue;
    keys.add(key);
    kept.push(p);
  }
  return kept;
}

/** Content words plus numbers: "3 and 4 give 5" must find the sentence with the 3, 4 and 5. */
function matchStems(s: string): string[] {
  return [...contentStems(s), ...words(s).filter((w) => /^\d+$/.test(w))];
}

/** Word offset in the script of the sentence that best matches each key point. */
function locateInScript(points: string[], script: string): number[] {
  const sentences = script.split(/(?<=[.!?])\s+/);
  let offset = 0;
  const starts = sentences.map((s) => {
    const at = offset;
    offset += wordCount(s);
    return { at, stems: new Set(matchStems(s)) };
  });
  return points.map((p) => {
    const stems = matchStems(p);
    let best = 0;
    let bestScore = -1;
    for (const s of starts) {
      const score = stems.filter((x) => s.stems.has(x)).length;
      if (score > bestScore) {
        best = s.at;
        bestScore = score;
      }
    }
    return bestScore > 0 ? best : -1;
  });
}

/** Key points sorted into narration order, each with the second its sentence starts at. */
export function timeKeyPoints(points: string[], script: string, duration: number) {
  const totalWords = Math.max(wordCount(script), 1);
  const located = locateInScript(points, script);
  // Points the script never mentions are spread evenly so they still get a sensible slot.
  const withPos = points.map((p, i) => ({
    p,
    i,
    pos: located[i] >= 0 ? located[i] : Math.floor((i / points.length) * totalWords),
  }));
  withPos.sort((a, b) => a.pos - b.pos || a.i - b.i);
  const raw = withPos.map((x) => (x.pos / totalWords) * duration);
  return { keyPoints: withPos.map((x) => x.p), timestamps: normaliseTimestamps(raw, duration) };
}

function cleanQuiz(quiz: RawLesson["quiz"]): QuizQuestion[] {
  const out: QuizQuestion[] = [];
  for (const q of quiz) {
    const question = truncateWords(cleanText(q.question), LIMITS.question.max);
    if (question.length < LIMITS.question.min) continue;
    const answer = q.choices[q.answerIndex];
    if (answer === undefined) continue;
    const choices: string[] = [];
    for (const c of q.choices.map((x) => truncateWords(cleanText(x), LIMITS.choice.max))) {
      if (c && !choices.some((x) => x.toLowerCase() === c.toLowerCase())) choices.push(c);
    }
    const answerText = truncateWords(cleanText(answer), LIMITS.choice.max);
    let answerIndex = choices.findIndex((c) => c.toLowerCase() === answerText.toLowerCase());
    if (answerIndex < 0) continue;
    if (choices.length > LIMITS.choices.max) {
      // Keep the answer when trimming surplus distractors.
      const trimmed = choices.filter((_, i) => i !== answerIndex).slice(0, LIMITS.choices.max - 1);
      trimmed.splice(Math.min(answerIndex, trimmed.length), 0, answerText);
      choices.splice(0, choices.length, ...trimmed);
      answerIndex = choices.indexOf(answerText);
    }
    if (choices.length < LIMITS.choices.min) continue;
    out.push({ question, choices, answerIndex });
  }
  return out.slice(0, LIMITS.quiz.max);
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
  for (const s of script.split(/(?<=[.!?])\s+/)) {
    if ((out + " " + s).trim().length > maxChars) break;
    out = (out + " " + s).trim();
  }
  return out || truncateWords(script, maxChars);
}

export function postProcess(raw: RawLesson, input: LessonInput): Lesson {
  const script = cleanText(raw.script);
  const title = truncateWords(cleanText(raw.title), LIMITS.title.max) || truncateWords(cleanText(input.topic), 100);
  let summary = truncateWords(cleanText(raw.scriptSummary), LIMITS.summary.max);
  if (summary.length < LIMITS.summary.min) summary = firstSentences(script, 300);
  const points = dedupeKeyPoints(raw.keyPoints).slice(0, LIMITS.keyPoints.max);
  const duration = narrationSeconds(script, points.length);
  const { keyPoints, timestamps } = timeKeyPoints(points, script, duration);
  return {
    title,
    script,
    scriptSummary: summary,
    keyPoints,
    timestamps,
    duration,
    tags: cleanTags(raw.tags, input),
    quiz: cleanQuiz(raw.quiz),
  };
}
