// The cards a lesson yields: each key point as a question/answer pair and each quiz question, each
// with the second of the video that covers it.
import type { QuizQuestion } from "@lm/core";

export interface LessonParts {
  title: string;
  keyPoints: string[];
  timestamps: number[];
  quiz: QuizQuestion[];
}

export interface CardDraft {
  kind: "KEY_POINT" | "QUIZ";
  itemIndex: number;
  front: string;
  back: string;
  atSecond: number | null;
}

const MAX_TEXT = 5000;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);
const second = (n: number | undefined) =>
  typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;

/**
 * A key point is a statement, not a question. Cards are made without a language model, so the
 * prompt names the lesson and the point's place in it and gives its first words as a cue; the
 * answer is the whole point. (The quiz cards already ask about the same facts in question form.)
 */
export function keyPointCard(p: LessonParts, i: number): CardDraft {
  const words = p.keyPoints[i].trim().split(/\s+/);
  const cue = words.length > 6 ? `${words.slice(0, 3).join(" ")} …` : "";
  const front = `"${p.title}": what is key point ${i + 1} of ${p.keyPoints.length}?${cue ? ` (${cue})` : ""}`;
  return {
    kind: "KEY_POINT",
    itemIndex: i,
    front: clip(front),
    back: clip(p.keyPoints[i]),
    atSecond: second(p.timestamps[i]),
  };
}

export function quizCard(p: LessonParts, i: number): CardDraft {
  const q = p.quiz[i];
  const answer = q.choices[q.answerIndex] ?? "";
  const back = q.explanation ? `${answer}\n\n${q.explanation}` : answer;
  const at = q.at ?? (q.keyPointIndex !== undefined ? p.timestamps[q.keyPointIndex] : undefined);
  return { kind: "QUIZ", itemIndex: i, front: clip(q.question), back: clip(back), atSecond: second(at) };
}

export function lessonCards(p: LessonParts): CardDraft[] {
  return [...p.keyPoints.map((_, i) => keyPointCard(p, i)), ...p.quiz.map((_, i) => quizCard(p, i))];
}
