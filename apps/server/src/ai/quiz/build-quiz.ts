// The quiz every lesson publishes, whatever wrote it: the provider's valid questions, topped up from the
// lesson's facts to at least four of more than one kind; each question linked to the key point that
// answers it (`keyPointIndex`, `at` = that key point's second) and explained; answers spread evenly over
// the positions with a seed from the lesson, so the same lesson always gets the same quiz.
import type { QuizQuestion } from "@lm/core";
import { LIMITS, type RawQuizQuestion } from "../lesson-schema.js";
import { cleanText, contentStems, truncateWords } from "../text.js";
import { collectFacts, type LessonFacts, type Passage } from "./facts.js";
import { type DraftQuestion, GENERATORS, inferKind, type QuizKind } from "./kinds.js";
import { placeAnswer, positionBag } from "./positions.js";

export interface QuizContext {
  script: string;
  /** The lesson's key points in narration order, and when each starts. */
  keyPoints: readonly string[];
  timestamps: readonly number[];
  title: string;
  /** The provider's key points in its own order: a provider's `keyPoint` index points into these. */
  providerKeyPoints: readonly string[];
  seed: number;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    cleanText(s)
      .toLowerCase()
      .replace(/[.!?]+$/, "");
  return norm(a) === norm(b);
}

/**
 * The narrated passage that best answers a question: most shared words, the answer's counting double
 * (an explanation must contain the answer); at least two shared.
 */
function bestPassage(question: string, answer: string, lesson: LessonFacts): Passage | null {
  const asked = new Set(contentStems(question));
  const answered = new Set(contentStems(answer));
  let best: Passage | null = null;
  let bestScore = 1;
  for (const p of lesson.passages) {
    let score = 0;
    for (const s of asked) if (p.stems.has(s)) score++;
    for (const s of answered) if (p.stems.has(s)) score += 2;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

function keyPointOf(q: RawQuizQuestion, answer: string, ctx: QuizContext, lesson: LessonFacts): number {
  const n = ctx.keyPoints.length;
  if (q.keyPointIndex !== undefined && q.keyPointIndex >= 0 && q.keyPointIndex < n) return q.keyPointIndex;
  if (q.keyPoint !== undefined) {
    const named = ctx.providerKeyPoints[q.keyPoint];
    const at = named === undefined ? -1 : ctx.keyPoints.findIndex((k) => sameText(k, named));
    if (at >= 0) return at;
  }
  const passage = bestPassage(q.question, answer, lesson);
  if (passage) return passage.keyPointIndex;
  // No narrated fact matches: the key point sharing most words, else the first.
  const want = new Set(contentStems(`${q.question} ${answer}`));
  const scores = ctx.keyPoints.map((k) => contentStems(k).filter((s) => want.has(s)).length);
  const top = Math.max(0, ...scores);
  return top > 0 ? scores.indexOf(top) : 0;
}

/** A provider's question cleaned: whitespace, duplicate choices, at most five, the answer kept. */
function fromProvider(q: RawQuizQuestion, ctx: QuizContext, lesson: LessonFacts): DraftQuestion | null {
  const question = truncateWords(cleanText(q.question), LIMITS.question.max);
  if (question.length < LIMITS.question.min) return null;
  const rawAnswer = q.choices[q.answerIndex];
  if (rawAnswer === undefined) return null;
  const answer = truncateWords(cleanText(rawAnswer), LIMITS.choice.max);
  const choices: string[] = [];
  for (const c of q.choices.map((x) => truncateWords(cleanText(x), LIMITS.choice.max))) {
    if (c && !choices.some((x) => x.toLowerCase() === c.toLowerCase())) choices.push(c);
  }
  if (!answer || choices.length < LIMITS.choices.min) return null;
  const distractors = choices.filter((c) => c.toLowerCase() !== answer.toLowerCase()).slice(0, LIMITS.choices.max - 1);
  const kind = inferKind(question, choices);
  const keyPointIndex = keyPointOf(q, answer, ctx, lesson);
  const given = cleanText(q.explanation ?? "");
  const passage = bestPassage(question, answer, lesson);
  const explanation = truncateWords(
    given || `The lesson says: ${passage?.text ?? ctx.keyPoints[keyPointIndex] ?? ""}`,
    LIMITS.explanation.max,
  );
  // True/false keeps its natural order; its answer's position is the statement's truth.
  const fixed = kind === "true-false" && choices.length === 2 ? choices : undefined;
  return { kind, keyPointIndex, question, answer, distractors, explanation, fixed, source: passage?.text };
}

/** The draft with repeated choices removed, or null when no wrong choice is left. */
function withDistinctChoices(q: DraftQuestion): DraftQuestion | null {
  const seen = new Set([q.answer.toLowerCase()]);
  const distractors = q.distractors.filter((d) => !seen.has(d.toLowerCase()) && seen.add(d.toLowerCase()));
  return distractors.length > 0 ? { ...q, distractors } : null;
}

function givesAway(a: DraftQuestion, b: DraftQuestion): boolean {
  // A term asked for in one question must not be printed in another.
  const asksTerm = (q: DraftQuestion) => q.kind === "fill-in" || q.kind === "term-definition";
  const shows = (q: DraftQuestion, term: string) => q.question.toLowerCase().includes(term.toLowerCase());
  return (asksTerm(a) && shows(b, a.answer)) || (asksTerm(b) && shows(a, b.answer));
}

/** Adds generated questions, each for the least-quizzed key point in the least-used kind, until the quiz is full. */
function topUp(chosen: DraftQuestion[], lesson: LessonFacts, ctx: QuizContext, target: number): DraftQuestion[] {
  const out = [...chosen];
  const used = new Set(out.map((q) => q.source ?? q.question));
  const rotate = ctx.seed % GENERATORS.length;
  const preference = [...GENERATORS.slice(rotate), ...GENERATORS.slice(0, rotate)];
  const kindsOf = () => new Set(out.map((q) => q.kind));
  // Each round adds one question or stops, so this runs at most LIMITS.quiz.max times.
  while (out.length < LIMITS.quiz.max && (out.length < target || kindsOf().size < 2)) {
    const needNewKind = out.length >= target;
    const perPoint = ctx.keyPoints.map((_, i) => out.filter((q) => q.keyPointIndex === i).length);
    const points = ctx.keyPoints.map((_, i) => i).sort((a, b) => perPoint[a] - perPoint[b] || a - b);
    const kindCount = (k: QuizKind) => out.filter((q) => q.kind === k).length;
    const kinds = preference
      .filter(([k]) => !needNewKind || !kindsOf().has(k))
      .sort((a, b) => kindCount(a[0]) - kindCount(b[0]));
    let added: DraftQuestion | null = null;
    for (const point of points) {
      const facts = lesson.facts.filter((f) => f.keyPointIndex === point && !used.has(f.text));
      for (const [, generate] of kinds) {
        for (const fact of facts) {
          const generated = generate(fact, lesson);
          const draft = generated && withDistinctChoices(generated);
          if (draft && !out.some((q) => givesAway(q, draft))) {
            added = draft;
            break;
          }
        }
        if (added) break;
      }
      if (added) break;
    }
    if (!added) break;
    out.push(added);
    used.add(added.source ?? added.question);
  }
  return out;
}

export function buildQuiz(provided: readonly RawQuizQuestion[], ctx: QuizContext): QuizQuestion[] {
  const lesson = collectFacts(ctx.script, ctx.keyPoints, ctx.title);
  let kept = provided.map((q) => fromProvider(q, ctx, lesson)).filter((q): q is DraftQuestion => q !== null);
  kept = kept.slice(0, LIMITS.quiz.max);
  // A quiz of one kind leaves room for a question of another.
  if (kept.length >= LIMITS.quiz.max && new Set(kept.map((q) => q.kind)).size < 2) kept = kept.slice(0, -1);
  const target = Math.min(LIMITS.quiz.max, Math.max(LIMITS.quiz.min, ctx.keyPoints.length));
  const drafts = topUp(kept, lesson, ctx, target)
    .map((q, i) => ({ q, i }))
    .sort((a, b) => a.q.keyPointIndex - b.q.keyPointIndex || a.i - b.i)
    .map((x) => x.q);
  const draw = positionBag(ctx.seed);
  return drafts.map((q): QuizQuestion => {
    let { question, answer, explanation } = q;
    let choices: string[];
    if (q.fixed) {
      const position = draw(q.fixed.length);
      if (q.falseVersion && position === 1) ({ question, explanation } = q.falseVersion);
      if (q.falseVersion) answer = q.fixed[position === 1 ? 1 : 0];
      choices = [...q.fixed];
    } else {
      const distractors = q.distractors.slice(0, LIMITS.choices.max - 1);
      choices = placeAnswer(answer, distractors, draw(distractors.length + 1), ctx.seed);
    }
    const answerIndex = choices.findIndex((c) => c.toLowerCase() === answer.toLowerCase());
    return {
      question,
      choices,
      answerIndex,
      explanation,
      at: ctx.timestamps[q.keyPointIndex] ?? 0,
      keyPointIndex: q.keyPointIndex,
    };
  });
}

/**
 * Points each question's `at` at its key point's (new) timestamp: for a later step that measures the real
 * narration and replaces the estimated timestamps.
 */
export function retimeQuiz(quiz: readonly QuizQuestion[], timestamps: readonly number[]): QuizQuestion[] {
  return quiz.map((q) =>
    q.keyPointIndex !== undefined && timestamps[q.keyPointIndex] !== undefined
      ? { ...q, at: timestamps[q.keyPointIndex] }
      : q,
  );
}
