// The offline provider's lesson: narration, key points, summary, tags and a cloze quiz, all taken
// from the student's notes. No model, so nothing is invented; the notes must carry the content.
import type { QuizQuestion } from "@lm/core";
import { GenerationError } from "../../errors.js";
import type { RawLesson } from "../../lesson-schema.js";
import { cleanText, hashString, truncateWords } from "../../text.js";
import type { LessonMaterial } from "../types.js";
import { analyseNotes, type KeyPhrase, pickSentences, type ScoredSentence } from "./analyse.js";

export const NO_MODEL_REASON =
  "No AI model is configured, so a lesson can only be built from your own notes: add your notes to the request, " +
  "or ask the administrator to configure a model (set LLM_MODEL_PATH to a GGUF model file, for example after " +
  "`npm run model:pull`, or LLM_BASE_URL to an OpenAI-compatible server).";

const MIN_NOTE_WORDS = 60;

function shortenToPoint(sentence: string): string {
  const text = cleanText(sentence);
  if (text.length <= 140) return text;
  // Prefer the first clause when it stands on its own; it reads better than a cut mid-phrase.
  const clause = text.split(/[;:]|, (?:and|but|which|while|so) /)[0];
  return clause.length >= 40 && clause.length <= 140 ? clause : truncateWords(text, 140);
}

function phraseIn(sentence: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").exec(sentence);
  return m ? m.index : -1;
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Fill-in-the-blank questions whose distractors are other key phrases from the same notes. */
export function clozeQuiz(sentences: ScoredSentence[], phrases: KeyPhrase[], max = 3): QuizQuestion[] {
  const quiz: QuizQuestion[] = [];
  const usedAnswers = new Set<string>();
  const ranked = [...sentences].sort((a, b) => b.score - a.score);
  for (const s of ranked) {
    if (quiz.length >= max) break;
    const sentence = cleanText(s.text);
    const answer = phrases.find((p) => !usedAnswers.has(p.text.toLowerCase()) && phraseIn(sentence, p.text) > 0);
    if (!answer) continue;
    const distractors = phrases
      // Long chunks seen once are often tagging slips ("cycle moves heat"); they make odd choices.
      .filter((p) => p.words < 3 || p.score >= 2 * (1 + 0.6 * (p.words - 1)))
      .filter((p) => p !== answer && phraseIn(sentence, p.text) < 0 && !p.stems.some((x) => answer.stems.includes(x)))
      .sort((a, b) => Math.abs(a.words - answer.words) - Math.abs(b.words - answer.words) || b.score - a.score)
      .slice(0, 3)
      .map((p) => p.text);
    if (distractors.length < 2) continue;
    const at = phraseIn(sentence, answer.text);
    const blanked = `${sentence.slice(0, at)}_____${sentence.slice(at + answer.text.length)}`;
    const choices = shuffle([answer.text, ...distractors], hashString(sentence));
    usedAnswers.add(answer.text.toLowerCase());
    quiz.push({
      question: truncateWords(`Fill in the blank: ${blanked}`, 200),
      choices,
      answerIndex: choices.indexOf(answer.text),
    });
  }
  return quiz;
}

export function buildOfflineLesson(material: LessonMaterial): RawLesson {
  const notes = material.notes?.trim() ?? "";
  if (!notes) throw new GenerationError("config", NO_MODEL_REASON);
  const { sentences, phrases } = analyseNotes(notes, material.topic);
  const totalWords = sentences.reduce((n, s) => n + s.words, 0);
  if (totalWords < MIN_NOTE_WORDS || sentences.filter((s) => s.score > 0).length < 3) {
    throw new GenerationError(
      "quality",
      "Your notes are too short to build a lesson from: add at least a few full sentences (about 60 words or more).",
    );
  }
  const budget = Math.min(380, Math.max(120, Math.round(totalWords * 0.6)));
  const picked = pickSentences(sentences, budget);
  const pointCount = Math.min(6, Math.max(3, Math.round(picked.length / 2)));
  const pointSentences = [...picked]
    .sort((a, b) => b.score - a.score)
    .slice(0, pointCount)
    .sort((a, b) => a.index - b.index);
  const summary = [...picked]
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .sort((a, b) => a.index - b.index)
    .map((s) => cleanText(s.text))
    .join(" ");
  const topic = cleanText(material.topic);
  return {
    title: truncateWords(topic.charAt(0).toUpperCase() + topic.slice(1), 100),
    scriptSummary: truncateWords(summary, 400),
    script: picked.map((s) => cleanText(s.text)).join(" "),
    keyPoints: pointSentences.map((s) => shortenToPoint(s.text)),
    tags: phrases
      .filter((p) => p.words <= 2)
      .slice(0, 4)
      .map((p) => p.text.toLowerCase()),
    quiz: clozeQuiz(picked.length >= 3 ? picked : sentences, phrases),
  };
}
