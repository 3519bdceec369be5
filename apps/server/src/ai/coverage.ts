// Does a lesson teach all of the student's notes? The notes are cut into up to four parts (their sections,
// grouped in order; unstructured notes in thirds), and each key point is traced to the part whose
// distinctive words it shares most. A lesson whose key points all come from one part does not teach.
import { groupSections, parseNotes } from "./notes.js";
import { contentStems } from "./text.js";

const MAX_PARTS = 4;
/** Unstructured notes shorter than this many sentences are one part: nothing to cover but themselves. */
const MIN_SENTENCES_TO_SPLIT = 6;

/** The content stems of each part of the notes, in order; fewer than two parts means no coverage check. */
export function notesParts(notes: string): Set<string>[] {
  const parsed = parseNotes(notes);
  let groups: string[][];
  if (parsed.sections.length >= 2) {
    groups = groupSections(parsed.sections, MAX_PARTS).map((g) =>
      g.flatMap((i) => parsed.sections[i].sentences.map((s) => s.text)),
    );
  } else if (parsed.sentences.length >= MIN_SENTENCES_TO_SPLIT) {
    const all = parsed.sentences.map((s) => s.text);
    const third = Math.ceil(all.length / 3);
    groups = [all.slice(0, third), all.slice(third, 2 * third), all.slice(2 * third)];
  } else {
    groups = [];
  }
  return groups.map((texts) => new Set(texts.flatMap((t) => contentStems(t))));
}

/**
 * Indexes of the parts the key points come from. Words found in every part say nothing about where a
 * point comes from, so rarer words weigh more (idf); a point made only of common words (notes that repeat
 * themselves) covers every part it shares them with.
 */
export function coveredParts(keyPoints: readonly string[], parts: readonly Set<string>[]): Set<number> {
  const covered = new Set<number>();
  const df = (s: string) => parts.filter((p) => p.has(s)).length;
  for (const point of keyPoints) {
    const stems = [...new Set(contentStems(point))];
    const weighted = parts.map((p) =>
      stems.reduce((sum, s) => (p.has(s) ? sum + Math.log(parts.length / df(s)) : sum), 0),
    );
    const raw = parts.map((p) => stems.filter((s) => p.has(s)).length);
    const scores = Math.max(...weighted) > 0 ? weighted : raw;
    const top = Math.max(...scores);
    if (top <= 0) continue;
    scores.forEach((s, i) => {
      if (s >= top - 1e-9) covered.add(i);
    });
  }
  return covered;
}

/** How many parts a lesson must reach: both of two, all but one of three or four. */
export function partsNeeded(partCount: number): number {
  return partCount <= 2 ? partCount : partCount - 1;
}
