// The lesson's facts, as a quiz sees them: each sentence of a key point's segment that states something on
// its own, the terms it mentions, and false twins made by swapping one term for a term of another fact.
// Distractors come from here, so they are the lesson's own material, not random words.
import { splitNarration } from "../narration.js";
import { extractPhrases, type KeyPhrase, phraseIn } from "../phrases.js";
import { cleanText, contentStems, isStopword, lowerFirstUnlessName, splitSentences, wordCount } from "../text.js";

export interface Fact {
  text: string;
  keyPointIndex: number;
  stems: Set<string>;
  terms: KeyPhrase[];
}

/** Any narrated sentence of a key point's segment, with the one before it when it leans on it. */
export interface Passage {
  text: string;
  keyPointIndex: number;
  stems: Set<string>;
}

export interface LessonFacts {
  /** Sentences that stand on their own: what questions are written from. */
  facts: Fact[];
  /** Every sentence of the key points' segments: what explains a provider's question. */
  passages: Passage[];
  phrases: KeyPhrase[];
  /** The narration, to tell names ("Krebs") from words capitalised at a sentence's start. */
  script: string;
  /** Terms too general to ask about or swap ("cell" in a cell-biology lesson): in the title or most facts. */
  general: Set<KeyPhrase>;
  /** False statements already offered as choices, so two questions do not share their distractors. */
  offered: Set<string>;
}

// Sentences that lean on the one before ("This releases…") or speak to the listener are not facts to quiz.
const DEPENDENT =
  /^(?:this|that|these|those|it|its|they|their|he|she|here|there|so|and|but|then|also|now|let'?s|let|imagine|suppose|consider|try|think|remember|notice|next)\b/i;

export function collectFacts(script: string, keyPoints: readonly string[], title = ""): LessonFacts {
  const parts = splitNarration(script, keyPoints);
  const facts: Fact[] = [];
  const passages: Passage[] = [];
  parts.points.forEach((segment, keyPointIndex) => {
    const sentences = splitSentences(segment).map(cleanText);
    sentences.forEach((text, i) => {
      const leans = DEPENDENT.test(text);
      const passage = leans && i > 0 ? `${sentences[i - 1]} ${text}` : text;
      passages.push({ text: passage, keyPointIndex, stems: new Set(contentStems(text)) });
      const n = wordCount(text);
      if (n < 5 || n > 40 || text.endsWith("?") || leans) return;
      facts.push({ text, keyPointIndex, stems: new Set(contentStems(text)), terms: [] });
    });
  });
  const phrases = extractPhrases(facts.map((f) => f.text).join(" "));
  for (const f of facts) f.terms = phrases.filter((p) => p.text.length >= 4 && phraseIn(f.text, p.text) >= 0);
  const titleStems = new Set(contentStems(title));
  const spread = new Map<string, number>();
  for (const f of facts) for (const s of f.stems) spread.set(s, (spread.get(s) ?? 0) + 1);
  const common = (s: string) => titleStems.has(s) || (facts.length >= 6 && (spread.get(s) ?? 0) > facts.length / 3);
  const general = new Set(phrases.filter((p) => p.stems.every(common)));
  return { facts, passages, phrases, script, general, offered: new Set() };
}

function plural(s: string): boolean {
  return /[^s]s$/i.test(s) && !/(?:us|is|ss)$/i.test(s);
}

function suffix(s: string): string {
  return s.toLowerCase().slice(-4);
}

/** How well `other` could stand in for `term`: same length, same ending ("anaphase"/"telophase"), same number. */
function kinship(term: KeyPhrase, other: KeyPhrase): number {
  let k = 0;
  if (other.words === term.words) k += 2;
  else if (Math.abs(other.words - term.words) > 1) k -= 3;
  if (suffix(other.text) === suffix(term.text)) k += 3;
  if (term.text.split(" ").at(-1) === other.text.split(" ").at(-1)) k += 2;
  // A name for a name, a common noun for a common noun ("Second Estate" is not swapped for "bread").
  if (/^\p{Lu}/u.test(term.text) !== /^\p{Lu}/u.test(other.text)) k -= 3;
  return k + Math.min(other.count, 3) * 0.3;
}

/** Terms of other facts that could replace `term` in `sentence` and still read as a sentence. */
export function standIns(term: KeyPhrase, sentence: string, lesson: LessonFacts, max = 3): KeyPhrase[] {
  const termStems = new Set(term.stems);
  return lesson.phrases
    .filter(
      (p) =>
        p !== term &&
        p.text.length >= 3 &&
        !lesson.general.has(p) &&
        // "cells" for "nucleus" breaks the verb's agreement and gives the answer away.
        plural(p.text) === plural(term.text) &&
        phraseIn(sentence, p.text) < 0 &&
        !p.stems.some((s) => termStems.has(s)) &&
        // A multi-word chunk seen once is often a tagging slip ("cycle moves heat"): an odd choice.
        (p.words === 1 || p.count >= 2),
    )
    .map((p) => ({ p, k: kinship(term, p) }))
    .sort((a, b) => b.k - a.k || b.p.score - a.p.score || a.p.text.localeCompare(b.p.text))
    .slice(0, max)
    .map((x) => x.p);
}

/** Replaces the first whole-word occurrence of `term`, keeping a sentence-initial capital and a/an right. */
export function replaceTerm(sentence: string, term: string, by: string): string {
  const at = phraseIn(sentence, term);
  if (at < 0) return sentence;
  const initial = at === 0 && /^\p{Lu}/u.test(sentence);
  const replacement = initial ? by.charAt(0).toUpperCase() + by.slice(1) : by;
  let before = sentence.slice(0, at);
  const article = /\b([Aa])n? $/.exec(before);
  if (article && by !== "_____") {
    const an = /^[aeiou]/i.test(by) ? "an" : "a";
    before = before.slice(0, article.index) + (article[1] === "A" ? capitalise(an) : an) + " ";
  }
  return before + replacement + sentence.slice(at + term.length);
}

/** Terms of a fact worth asking about: recurring but not general, most recurring first, earliest on ties. */
export function keyTerms(fact: Fact, lesson: LessonFacts): KeyPhrase[] {
  return fact.terms
    .filter((t) => t.count >= 2 && !lesson.general.has(t))
    .filter((t) => !isStopword(t.text))
    .sort((a, b) => b.score - a.score || phraseIn(fact.text, a.text) - phraseIn(fact.text, b.text));
}

export interface FalseTwin {
  text: string;
  original: string;
  replacement: string;
}

/**
 * A false statement made from `fact` by swapping one of its terms for a term from elsewhere in the lesson,
 * unless some fact of the lesson says the swapped version (then it might be true).
 */
export function falseTwin(fact: Fact, lesson: LessonFacts, skip = 0): FalseTwin | null {
  let found = 0;
  for (const term of keyTerms(fact, lesson)) {
    for (const other of standIns(term, fact.text, lesson, 2)) {
      const text = replaceTerm(fact.text, term.text, other.text);
      const stems = new Set(contentStems(text));
      const supported = lesson.facts.some((f) => {
        if (f === fact || phraseIn(f.text, other.text) < 0) return false;
        let shared = 0;
        for (const s of stems) if (f.stems.has(s)) shared++;
        return shared / Math.max(1, stems.size) >= 0.75;
      });
      if (supported) continue;
      if (found++ === skip) return { text, original: term.text, replacement: other.text };
    }
  }
  return null;
}

/** A clause for use mid-sentence: its first letter lower-cased unless it starts with a name. */
export function midSentence(clause: string, lesson: LessonFacts): string {
  return lowerFirstUnlessName(clause, lesson.script);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
