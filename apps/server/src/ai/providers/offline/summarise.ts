// Extractive summarisation of notes, used two ways: the offline provider's narration, and
// condensing long notes so they fit a model's context window.
import { cleanText } from "../../text.js";
import { analyseNotes, pickSentences } from "./analyse.js";

/** Returns the notes unchanged when they fit, else their most informative sentences in order. */
export function condenseNotes(notes: string, budgetChars: number): string {
  const cleaned = cleanText(notes);
  if (cleaned.length <= budgetChars) return cleaned;
  const { sentences } = analyseNotes(notes, "");
  // ~6 characters a word in English prose, spaces included.
  const picked = pickSentences(sentences, Math.floor(budgetChars / 6.5));
  let out = "";
  for (const s of picked) {
    const next = out ? `${out} ${cleanText(s.text)}` : cleanText(s.text);
    if (next.length > budgetChars) break;
    out = next;
  }
  return out || cleaned.slice(0, budgetChars);
}
