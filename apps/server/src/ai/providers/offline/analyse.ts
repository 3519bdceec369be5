// One pass of wink-nlp over the student's notes: sentences with an importance score, and key
// phrases (noun chunks ranked by frequency). Everything the offline provider builds starts here.
import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { contentStems, stem, wordCount } from "../../text.js";

const nlp = winkNLP(model);
const its = nlp.its;

export interface ScoredSentence {
  index: number;
  text: string;
  words: number;
  stems: Set<string>;
  score: number;
}

export interface KeyPhrase {
  text: string;
  words: number;
  stems: string[];
  score: number;
}

export interface NotesAnalysis {
  sentences: ScoredSentence[];
  phrases: KeyPhrase[];
}

/**
 * Notes are often lists and headings without full stops; ending each line with one lets the
 * sentence splitter see the boundaries a student meant.
 */
export function prepareNotes(notes: string): string {
  const out: string[] = [];
  for (const raw of notes.split(/\r?\n/)) {
    const bullet = /^\s*(?:[-*•]+|\d+[.)])\s+/.test(raw);
    const line = raw.replace(/^\s*(?:[-*•]+|\d+[.)]|#+)\s*/, "").trim();
    if (!line) continue;
    const ended = /[.!?;]$/.test(line);
    // A short unpunctuated line that is not a bullet is a heading ("Glycolysis", "Week 6 notes"):
    // not narration, so leave it out. Bullets are content even when short.
    if (!ended && !bullet && (line.endsWith(":") || line.split(/\s+/).length <= 8)) continue;
    out.push(ended ? line : `${line.replace(/:$/, "")}.`);
  }
  return out.join("\n");
}

const PHRASE_POS = new Set(["NOUN", "PROPN", "ADJ"]);
// Nouns too generic to quiz on or tag with.
const GENERIC = new Set(
  "place process use thing things part parts type types kind lot example examples way ways time times number form fact end".split(
    " ",
  ),
);
const HEAD_POS = new Set(["NOUN", "PROPN"]);

function extractPhrases(doc: ReturnType<typeof nlp.readDoc>): KeyPhrase[] {
  const counts = new Map<string, { surface: Map<string, number>; count: number; words: number }>();
  let run: Array<{ text: string; normal: string; pos: string }> = [];
  const flush = () => {
    // Trim leading adjectives past the first and trailing non-nouns so chunks end on their head noun.
    while (run.length > 0 && !HEAD_POS.has(run[run.length - 1].pos)) run.pop();
    if (run.length > 3) run = run.slice(run.length - 3);
    const ok =
      run.length > 0 &&
      run.every((t) => t.normal.length >= 3 && !GENERIC.has(t.normal) && /^[\p{L}][\p{L}'-]*$/u.test(t.normal));
    if (ok) {
      const key = run.map((t) => t.normal).join(" ");
      const surface = run.map((t) => t.text).join(" ");
      const entry = counts.get(key) ?? { surface: new Map(), count: 0, words: run.length };
      entry.count++;
      entry.surface.set(surface, (entry.surface.get(surface) ?? 0) + 1);
      counts.set(key, entry);
    }
    run = [];
  };
  doc.tokens().each((t: ItemToken) => {
    const pos = t.out(its.pos) as string;
    const stop = t.out(its.stopWordFlag) as unknown as boolean;
    if (PHRASE_POS.has(pos) && !stop && (t.out(its.type) as string) === "word") {
      run.push({ text: t.out(), normal: t.out(its.normal) as string, pos });
    } else {
      flush();
    }
  });
  flush();
  const phrases: KeyPhrase[] = [];
  for (const [key, e] of counts) {
    const surface = [...e.surface.entries()].sort((a, b) => b[1] - a[1])[0][0];
    // A sentence-initial capital ("Chlorophyll") reads oddly mid-sentence; keep acronyms and names.
    const text = e.words === 1 && /^[A-Z][a-z]+$/.test(surface) && surface.toLowerCase() === key ? key : surface;
    phrases.push({ text, words: e.words, stems: key.split(" ").map(stem), score: e.count * (1 + 0.6 * (e.words - 1)) });
  }
  return phrases.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
}

export function analyseNotes(notes: string, topic: string): NotesAnalysis {
  const doc = nlp.readDoc(prepareNotes(notes));
  const texts = doc.sentences().out() as string[];
  const stemLists = texts.map((s) => contentStems(s));
  const tf = new Map<string, number>();
  for (const list of stemLists) for (const s of new Set(list)) tf.set(s, (tf.get(s) ?? 0) + 1);
  const topicStems = new Set(contentStems(topic));
  const sentences = texts.map((text, index): ScoredSentence => {
    const stems = new Set(stemLists[index]);
    let sum = 0;
    for (const s of stems) sum += (tf.get(s) ?? 0) + (topicStems.has(s) ? 3 : 0);
    const words = wordCount(text);
    // Favour sentences dense in the notes' recurring terms, slightly favour early ones, and
    // ignore headings and fragments too short or long to narrate.
    const usable = words >= 5 && words <= 60;
    const score = usable ? (sum / Math.sqrt(stems.size + 1)) * (1 + 0.3 / (1 + index * 0.1)) : 0;
    return { index, text: text.trim(), words, stems, score };
  });
  return { sentences, phrases: extractPhrases(doc) };
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Highest-scoring distinct sentences until `budgetWords`, returned in the notes' order. */
export function pickSentences(sentences: ScoredSentence[], budgetWords: number): ScoredSentence[] {
  const ranked = sentences.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  const picked: ScoredSentence[] = [];
  let total = 0;
  for (const s of ranked) {
    if (total >= budgetWords) break;
    if (total + s.words > budgetWords * 1.15 && picked.length >= 3) continue;
    if (picked.some((p) => overlap(p.stems, s.stems) > 0.7)) continue;
    picked.push(s);
    total += s.words;
  }
  return picked.sort((a, b) => a.index - b.index);
}
