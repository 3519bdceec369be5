// The narration's shape: an introduction, one segment per key point (the key point, its explanation and an
// example), and a recap. Structured lessons are assembled into one script here; a stored script is split
// back into the same segments (for timing now, and for per-segment speech synthesis later).
import { cleanText, contentStems, splitSentences, words } from "./text.js";

/** How a recap opens; the assembler adds "To recap:" when a recap does not open like this. */
export const RECAP_START =
  /^(?:so,?\s+|and\s+)?(?:to recap|to sum up|in summary|to summari[sz]e|in short|let'?s recap|recap|to review|in conclusion)\b/i;

export interface LessonSection {
  keyPoint: string;
  explanation: string;
  example?: string;
}

export interface NarrationParts {
  intro: string;
  /** One segment per key point, in the key points' order. */
  points: string[];
  recap: string;
}

function withStop(s: string): string {
  return /[.!?]["'”’)]*$/.test(s) ? s : `${s}.`;
}

function normalise(s: string): string {
  return cleanText(s)
    .toLowerCase()
    .replace(/[.!?…]+$/, "");
}

/** Content words plus numbers: "3 and 4 give 5" must find the sentence with the 3, 4 and 5. */
export function matchStems(s: string): string[] {
  return [...contentStems(s), ...words(s).filter((w) => /^\d+$/.test(w))];
}

/** One script from intro, sections and recap; each section opens with its key point unless it already does. */
export function assembleNarration(intro: string, sections: readonly LessonSection[], recap: string): string {
  const parts: string[] = [cleanText(intro)];
  for (const s of sections) {
    const point = cleanText(s.keyPoint);
    const explanation = cleanText(s.explanation);
    const first = splitSentences(explanation)[0] ?? "";
    if (point && !normalise(first).includes(normalise(point))) parts.push(point);
    parts.push(explanation, cleanText(s.example ?? ""));
  }
  const closing = cleanText(recap);
  if (closing) parts.push(RECAP_START.test(closing) ? closing : `To recap: ${closing}`);
  return parts.filter(Boolean).map(withStop).join(" ");
}

export interface NarrationLayout {
  sentences: string[];
  /** Index of the sentence where the recap starts (sentences.length when there is none). */
  recap: number;
  /** For each key point, the sentence before the recap that states it best, or -1. */
  located: number[];
}

/**
 * Finds each key point in the script: the sentence containing its text, else the one sharing most of its
 * words (ties go to the earlier sentence and then to the more focused one). The recap restates key points,
 * so it is never where a key point starts.
 */
export function layoutNarration(script: string, keyPoints: readonly string[]): NarrationLayout {
  const sentences = splitSentences(script);
  let recap = sentences.length;
  for (let i = sentences.length - 1; i > 0; i--) {
    if (RECAP_START.test(sentences[i])) {
      recap = i;
      break;
    }
  }
  const normalised = sentences.map(normalise);
  const stems = sentences.map((s) => new Set(matchStems(s)));
  const located = keyPoints.map((p) => {
    const np = normalise(p);
    const exact = np ? normalised.findIndex((s, i) => i < recap && s.includes(np)) : -1;
    if (exact >= 0) return exact;
    const want = [...new Set(matchStems(p))];
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < recap; i++) {
      const shared = want.filter((x) => stems[i].has(x)).length;
      const score = shared + shared / (stems[i].size + 1);
      if (shared > 0 && score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  });
  return { sentences, recap, located };
}

/**
 * Splits a script into intro, one segment per key point (key points in narration order, as stored) and
 * recap. Segment i runs from key point i's sentence to the next key point's; a key point the script never
 * states gets an even share of the sentences between its neighbours.
 */
export function splitNarration(script: string, keyPoints: readonly string[]): NarrationParts {
  const { sentences, recap, located } = layoutNarration(script, keyPoints);
  const n = keyPoints.length;
  const starts: number[] = [];
  for (let i = 0; i < n; i++) {
    const guess = located[i] >= 0 ? located[i] : Math.floor((i * recap) / Math.max(1, n));
    const min = i === 0 ? 0 : starts[i - 1] + 1;
    // Strictly increasing and leaving at least one sentence for each later key point when possible.
    starts.push(Math.max(min, Math.min(guess, recap - (n - i))));
  }
  const join = (from: number, to: number) => sentences.slice(from, Math.max(from, to)).join(" ");
  return {
    intro: n > 0 ? join(0, starts[0]) : join(0, recap),
    points: starts.map((s, i) => join(s, i + 1 < n ? starts[i + 1] : recap)),
    recap: join(recap, sentences.length),
  };
}
