// Where each quiz answer goes. Positions are drawn from a shuffled "bag" per number of choices, seeded by
// the lesson: within a lesson the answers use every position before repeating one, across lessons every
// position is equally likely, and the same lesson always gets the same quiz.
import { hashString } from "../text.js";

/** mulberry32: a small, well-mixed 32-bit generator; enough for shuffling choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Draws answer positions for questions of k choices, each position once per round of k questions. */
export function positionBag(seed: number): (choices: number) => number {
  const random = seededRandom(seed);
  const bags = new Map<number, number[]>();
  return (k) => {
    let bag = bags.get(k);
    if (!bag || bag.length === 0) {
      bag = shuffled(
        Array.from({ length: k }, (_, i) => i),
        random,
      );
      bags.set(k, bag);
    }
    return bag.pop() ?? 0;
  };
}

/**
 * The choices with the answer at `position` and the distractors in an order that depends only on the
 * seed and their text, so processing a processed quiz again changes nothing.
 */
export function placeAnswer(answer: string, distractors: readonly string[], position: number, seed: number): string[] {
  const ordered = [...distractors].sort((a, b) => hashString(`${seed}:${a}`) - hashString(`${seed}:${b}`));
  ordered.splice(Math.min(position, ordered.length), 0, answer);
  return ordered;
}
