// Key phrases of a text: noun chunks (wink-nlp's part-of-speech tags) ranked by how often they recur.
// They are the terms a quiz asks about and swaps between statements, and the tags of an offline lesson.
import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { stem } from "./text.js";

const nlp = winkNLP(model);
const its = nlp.its;

export interface KeyPhrase {
  text: string;
  words: number;
  stems: string[];
  /** Occurrences, longer chunks weighted up (a recurring two-word term beats a recurring word). */
  score: number;
  count: number;
}

const PHRASE_POS = new Set(["NOUN", "PROPN", "ADJ"]);
const HEAD_POS = new Set(["NOUN", "PROPN"]);
// Nouns too generic to quiz on or tag with.
const GENERIC = new Set(
  (
    "place process use thing things part parts type types kind kinds lot example examples way ways time times " +
    "number form fact end side sides amount lesson notes idea ideas first second third fourth fifth last next"
  ).split(" "),
);

export function extractPhrases(text: string): KeyPhrase[] {
  const counts = new Map<string, { surface: Map<string, number>; count: number; words: number; name: boolean }>();
  let run: Array<{ text: string; normal: string; pos: string; initial: boolean }> = [];
  const flush = () => {
    // Trim trailing non-nouns and keep at most three words so chunks end on their head noun.
    while (run.length > 0 && !HEAD_POS.has(run[run.length - 1].pos)) run.pop();
    if (run.length > 3) run = run.slice(run.length - 3);
    const ok =
      run.length > 0 &&
      run.every((t) => t.normal.length >= 3 && !GENERIC.has(t.normal) && /^[\p{L}][\p{L}'-]*$/u.test(t.normal));
    if (ok) {
      const key = run.map((t) => t.normal).join(" ");
      const surface = run.map((t) => t.text).join(" ");
      const entry = counts.get(key) ?? { surface: new Map(), count: 0, words: run.length, name: false };
      entry.count++;
      // A capital anywhere but at a sentence's start marks a name ("Krebs cycle", "Robert Hooke").
      if (run.some((t) => !t.initial && t.text !== t.text.toLowerCase())) entry.name = true;
      entry.surface.set(surface, (entry.surface.get(surface) ?? 0) + 1);
      counts.set(key, entry);
    }
    run = [];
  };
  let initial = true;
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const pos = t.out(its.pos) as string;
      const stop = t.out(its.stopWordFlag) as unknown as boolean;
      const type = t.out(its.type) as string;
      if (PHRASE_POS.has(pos) && !stop && type === "word") {
        run.push({ text: t.out(), normal: t.out(its.normal) as string, pos, initial });
      } else {
        flush();
      }
      initial = type === "punctuation" && /^[.!?:;]$/.test(t.out());
    });
  flush();
  const phrases: KeyPhrase[] = [];
  for (const [key, e] of counts) {
    const surface = [...e.surface.entries()].sort((a, b) => b[1] - a[1])[0][0];
    // A sentence-initial capital ("Chlorophyll") reads oddly mid-sentence; keep acronyms and names.
    const text = !e.name && /^\p{Lu}\p{Ll}/u.test(surface) && surface.toLowerCase() === key ? key : surface;
    phrases.push({
      text,
      words: e.words,
      stems: key.split(" ").map(stem),
      score: e.count * (1 + 0.6 * (e.words - 1)),
      count: e.count,
    });
  }
  return phrases.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
}

/** Where `phrase` occurs in `sentence` as whole words, not inside a compound ("Estates-General"), or -1. */
export function phraseIn(sentence: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}]|-\\p{L})`, "iu").exec(sentence);
  return m ? m.index : -1;
}
