// The offline provider's lesson, built only from the student's notes (no model, so nothing is invented):
// one key point per part of the notes, so every section is taught; a narration that introduces the
// sections, states each key point with its supporting sentences, and recaps. The quiz is written by
// post-processing from these facts, as for every provider.
import { GenerationError } from "../../errors.js";
import type { StructuredLesson } from "../../lesson-schema.js";
import { groupSections, type NoteSection, parseNotes } from "../../notes.js";
import { extractPhrases } from "../../phrases.js";
import { cleanText, lowerFirstUnlessName, truncateWords, wordCount } from "../../text.js";
import type { LessonMaterial } from "../types.js";
import { overlap, type ScoredSentence, scoreSentences } from "./analyse.js";

export const NO_MODEL_REASON =
  "No AI model is configured, so a lesson can only be built from your own notes: add your notes to the request, " +
  "or ask the administrator to configure a model (set LLM_MODEL_PATH to a GGUF model file, for example after " +
  "`npm run model:pull`, or LLM_BASE_URL to an OpenAI-compatible server).";

const MIN_NOTE_WORDS = 60;
const NUMBERS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"];
const MAX_POINTS = 8;
// Headings that name a kind of section, not a topic: not worth announcing in the introduction.
const GENERIC_HEADING =
  /^(?:summary|summary to remember|introduction|intro|overview|notes?|key terms|key points|key facts|definitions|review|recap|conclusion|misc|other|extra|examples?|why it matters|remember|important)\b/i;

function shortenToPoint(sentence: string): string {
  const text = cleanText(sentence);
  if (text.length <= 140) return text;
  // Prefer the first clause when it stands on its own; it reads better than a cut mid-phrase.
  const clause = text.split(/[;:]\s|, (?:and|but|which|while|so|for example|e\.g\.|such as|including) /)[0];
  return clause.length >= 40 && clause.length <= 140 ? clause : truncateWords(text, 140);
}

/** A key point's first clause for the recap, when it is short enough to say in one breath. */
function recapClause(point: string): string | null {
  // "Term: definition" keeps its definition; a longer lead-in before a colon is a clause of its own.
  const colon = /^(.{0,40}?\S+(?:\s+\S+){3,}?):\s/.exec(point);
  const clause = (colon ? colon[1] : point)
    .split(/;\s|,\s(?:and|but|which|while|so)\s|\s[–—]\s/)[0]
    .replace(/[.!?]+$/, "");
  return wordCount(clause) <= 16 ? clause : null;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** How many key points each group gets: one each, the rest to the groups with the most words per point. */
function allocate(groupWords: number[], total: number): number[] {
  const out = groupWords.map(() => 1);
  for (let left = total - out.length; left > 0; left--) {
    let best = 0;
    for (let i = 1; i < out.length; i++)
      if (groupWords[i] / (out[i] + 1) > groupWords[best] / (out[best] + 1)) best = i;
    out[best]++;
  }
  return out;
}

/** Splits a group's sentences (in order) into `parts` runs of similar word counts. */
function chunk(sentences: ScoredSentence[], parts: number): ScoredSentence[][] {
  const total = sentences.reduce((n, s) => n + s.words, 0);
  const out: ScoredSentence[][] = [[]];
  let acc = 0;
  for (const [i, s] of sentences.entries()) {
    const toOpen = parts - out.length;
    const current = out[out.length - 1];
    if (current.length > 0 && toOpen > 0 && (acc >= (out.length * total) / parts || sentences.length - i <= toOpen)) {
      out.push([]);
    }
    out[out.length - 1].push(s);
    acc += s.words;
  }
  return out;
}

interface Part {
  key: ScoredSentence;
  support: ScoredSentence[];
  label: string | null;
}

function planParts(sections: NoteSection[], scored: ScoredSentence[], totalWords: number): Part[] {
  const pointCount = Math.min(
    MAX_POINTS,
    Math.max(3, Math.min(sections.length, MAX_POINTS), Math.round(totalWords / 75)),
  );
  const groups = groupSections(sections, pointCount);
  const groupSentences = groups.map((g) => scored.filter((s) => g.includes(s.section)));
  const shares = allocate(
    groupSentences.map((ss) => ss.reduce((n, s) => n + (s.score > 0 ? s.words : 0), 0) || 1),
    Math.max(pointCount, groups.length),
  );
  // Short notes are narrated whole; longer ones down to about three quarters, at most ~3 minutes.
  const budget = totalWords <= 250 ? totalWords : Math.min(480, Math.max(250, Math.round(totalWords * 0.75)));
  const parts: Part[] = [];
  const usedLabels = new Set<string>();
  // Everything narrated so far: notes that repeat themselves must not give the same point twice.
  const taken: ScoredSentence[] = [];
  const fresh = (s: ScoredSentence) => !taken.some((t) => overlap(t.stems, s.stems) > 0.7);
  groups.forEach((group, g) => {
    const heading = sections[group[0]].heading;
    for (const run of chunk(groupSentences[g], Math.min(shares[g], groupSentences[g].length))) {
      const usable = run.filter((s) => s.score > 0 && fresh(s));
      if (usable.length === 0) continue;
      const key = usable.reduce((a, b) => (b.score > a.score ? b : a));
      taken.push(key);
      const runWords = run.reduce((n, s) => n + s.words, 0);
      const share = Math.max(key.words, Math.round((budget * runWords) / Math.max(1, totalWords)));
      const support: ScoredSentence[] = [];
      let words = key.words;
      const candidates = run
        .filter((s) => s !== key && s.words >= 3)
        .sort((a, b) => b.score - a.score || a.index - b.index);
      for (const s of candidates) {
        if (words + s.words > share * 1.15 || !fresh(s)) continue;
        support.push(s);
        taken.push(s);
        words += s.words;
      }
      support.sort((a, b) => a.index - b.index);
      const label = heading && !GENERIC_HEADING.test(heading) && !usedLabels.has(heading) ? heading : null;
      if (label) usedLabels.add(label);
      parts.push({ key, support, label });
    }
  });
  return parts;
}

export function buildOfflineLesson(material: LessonMaterial): StructuredLesson {
  const notes = material.notes?.trim() ?? "";
  if (!notes) throw new GenerationError("config", NO_MODEL_REASON, false, { code: "no_model" });
  const parsed = parseNotes(notes);
  const scored = scoreSentences(parsed.sentences, material.topic);
  const totalWords = scored.reduce((n, s) => n + s.words, 0);
  if (totalWords < MIN_NOTE_WORDS || scored.filter((s) => s.score > 0).length < 3) {
    throw new GenerationError(
      "quality",
      "Your notes are too short to build a lesson from: add at least a few full sentences (about 60 words or more).",
    );
  }
  const parts = planParts(parsed.sections, scored, totalWords);
  const phrases = extractPhrases(parsed.sentences.map((s) => s.text).join(" "));
  const body = parsed.sentences.map((s) => s.text).join(" ");
  // Notes are announced by their headings; notes without headings by how many ideas they hold.
  const announced = [...new Set(parts.flatMap((p) => (p.label ? [lowerFirstUnlessName(p.label, body)] : [])))];
  const topic = cleanText(material.topic);
  const intro = announced.length
    ? `In this lesson on ${lowerFirstUnlessName(topic, body)}, we will look at ${listOf(announced.slice(0, 6))}.`
    : `In this lesson on ${lowerFirstUnlessName(topic, body)}, we will go through ${NUMBERS[parts.length] ?? parts.length} key ideas from your notes.`;
  const points = parts.map((p) => shortenToPoint(p.key.text));
  const recapItems: string[] = [];
  let recapWords = 0;
  for (const point of points) {
    const clause = recapClause(point);
    if (!clause || recapWords + wordCount(clause) > 80) continue;
    recapItems.push(`${clause}.`);
    recapWords += wordCount(clause);
  }
  const summary = [...parts]
    .sort((a, b) => b.key.score - a.key.score)
    .slice(0, 2)
    .sort((a, b) => a.key.index - b.key.index)
    .map((p) => p.key.text)
    .join(" ");
  return {
    title: truncateWords(topic.charAt(0).toUpperCase() + topic.slice(1), 100),
    scriptSummary: truncateWords(summary, 400),
    intro,
    sections: parts.map((p, i) => ({
      keyPoint: points[i],
      explanation: [p.key, ...p.support].map((s) => s.text).join(" "),
      example: "",
    })),
    recap: recapItems.length
      ? `To recap: ${recapItems.join(" ")}`
      : `To recap, we looked at ${announced.length ? `${listOf(announced)}.` : points[0]}`,
    tags: phrases
      .filter((p) => p.words <= 2)
      .slice(0, 4)
      .map((p) => p.text.toLowerCase()),
    quiz: [],
  };
}
