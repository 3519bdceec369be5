// Scores the sentences of parsed notes by how much they carry the notes' recurring terms, so the offline
// builder can choose each section's key sentence and its supporting sentences.
import type { NoteSentence } from "../../notes.js";
import { contentStems } from "../../text.js";

export interface ScoredSentence extends NoteSentence {
  stems: Set<string>;
  score: number;
}

/** Sentences this long or shorter are fragments; longer than the maximum is too much for one slide's idea. */
const KEY_WORDS = { min: 5, max: 60 } as const;
// Sentences that lean on the one before ("Later…", "This means…") make poor key points on their own.
const LEANING =
  /^(?:later|also|however|but|and|so|then|this|that|these|those|it|they|its|their|he|she|here|there|instead)\b/i;

export function scoreSentences(sentences: readonly NoteSentence[], topic: string): ScoredSentence[] {
  const stemLists = sentences.map((s) => contentStems(s.text));
  const tf = new Map<string, number>();
  for (const list of stemLists) for (const s of new Set(list)) tf.set(s, (tf.get(s) ?? 0) + 1);
  const topicStems = new Set(contentStems(topic));
  return sentences.map((s, i): ScoredSentence => {
    const stems = new Set(stemLists[i]);
    let sum = 0;
    for (const x of stems) sum += (tf.get(x) ?? 0) + (topicStems.has(x) ? 3 : 0);
    // Dense in the notes' recurring terms, and long enough to state an idea on its own. A section's
    // opening sentence usually states its subject, so it is favoured; a leaning sentence is not.
    const usable = s.words >= KEY_WORDS.min && s.words <= KEY_WORDS.max;
    const opens = i === 0 || sentences[i - 1].section !== s.section;
    const weight = (opens ? 1.4 : 1) * (LEANING.test(s.text) ? 0.6 : 1);
    const score = usable ? (weight * sum) / Math.sqrt(stems.size + 1) : 0;
    return { ...s, stems, score };
  });
}

export function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/** Highest-scoring distinct sentences until `budgetWords`, returned in the notes' order. */
export function pickSentences(sentences: ScoredSentence[], budgetWords: number): ScoredSentence[] {
  const ranked = sentences.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.index - b.index);
  const picked: ScoredSentence[] = [];
  let total = 0;
  for (const s of ranked) {
    if (total >= budgetWords) break;
    if (total + s.words > budgetWords * 1.15 && picked.length >= 1) continue;
    if (picked.some((p) => overlap(p.stems, s.stems) > 0.7)) continue;
    picked.push(s);
    total += s.words;
  }
  return picked.sort((a, b) => a.index - b.index);
}
