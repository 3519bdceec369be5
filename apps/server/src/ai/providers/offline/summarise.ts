// Condenses long notes so they fit a model's context window. Every section keeps its heading and its
// most informative sentences (a share of the budget by its length), so a model sees all of the notes,
// not just their beginning.
import { groupSections, parseNotes } from "../../notes.js";
import { cleanText } from "../../text.js";
import { pickSentences, scoreSentences } from "./analyse.js";

/** The notes line by line with whitespace tidied and runs of blank lines collapsed. */
function tidy(notes: string): string {
  return notes
    .split(/\r\n?|\n/)
    .map(cleanText)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Returns the notes (tidied) when they fit, else each section's heading and best sentences in order. */
export function condenseNotes(notes: string, budgetChars: number): string {
  const tidied = tidy(notes);
  if (tidied.length <= budgetChars) return tidied;
  const parsed = parseNotes(notes);
  const scored = scoreSentences(parsed.sentences, parsed.title ?? "");
  const totalWords = Math.max(
    1,
    parsed.sentences.reduce((n, s) => n + s.words, 0),
  );
  // ~6.5 characters a word in English prose, spaces included; headings take a little of it.
  const budgetWords = Math.floor(budgetChars / 6.5) - parsed.sections.length * 3;
  const blocks: string[] = [];
  let used = 0;
  // About 30 words a block at least, so very many small sections are merged rather than cut off.
  for (const group of groupSections(parsed.sections, Math.max(1, Math.floor(budgetWords / 30)))) {
    const words = group.reduce((n, i) => n + parsed.sections[i].words, 0);
    const share = Math.max(1, Math.floor((budgetWords * words) / totalWords));
    const own = scored.filter((s) => group.includes(s.section));
    const picked = pickSentences(own, share);
    const body = (picked.length > 0 ? picked : own.slice(0, 1)).map((s) => s.text).join(" ");
    const heading = parsed.sections[group[0]].heading;
    const block = heading ? `${heading}:\n${body}` : body;
    if (used + block.length + 2 > budgetChars) break;
    blocks.push(block);
    used += block.length + 2;
  }
  return blocks.join("\n\n") || tidied.slice(0, budgetChars);
}
