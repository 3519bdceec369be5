// Reads a student's notes into sections of sentences. Headings (a title line, markdown #, lines ending
// in ':', short or Title Case lines) label sections and are never content; blank lines also separate
// sections. The offline builder, the coverage check and the prompt's condensed notes all start here.
import winkNLP, { type ItemToken } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { cleanText, splitSentences, wordCount, words } from "./text.js";

const nlp = winkNLP(model);
const its = nlp.its;

export interface NoteSentence {
  text: string;
  /** Index of the section it belongs to. */
  section: number;
  /** Position in the notes, counting every sentence. */
  index: number;
  words: number;
}

export interface NoteSection {
  heading: string | null;
  sentences: NoteSentence[];
  words: number;
}

export interface ParsedNotes {
  /** The notes' first line when it names them ("Cell biology – Unit 3 notes (Mr. Okafor, Bio 101)."). */
  title: string | null;
  /** Every line read as a heading, the title included: none of them may be narrated. */
  headings: string[];
  sections: NoteSection[];
  sentences: NoteSentence[];
}

type Line = { kind: "blank" } | { kind: "title" | "heading" | "bullet" | "text"; text: string };

const BULLET = /^\s*(?:[-*•▪◦‣–]|\d{1,3}[.)]|[a-z][)])\s+/;
const TITLE_WORDS =
  /\b(?:notes?|unit|chapter|lecture|lesson|week|module|revision|handout|worksheet|syllabus|class|semester|term|topic)\b/i;
// Small words a Title Case heading leaves in lower case.
const MINOR = new Set("a an the of and or in on to for vs with at by from into as but nor per via".split(" "));

function isTitleCase(text: string): boolean {
  const ws = words(text);
  const major = ws.filter((w) => !MINOR.has(w.toLowerCase()));
  return ws.length >= 2 && ws.length <= 10 && major.length >= 2 && major.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

function hasVerb(text: string): boolean {
  let found = false;
  nlp
    .readDoc(text)
    .tokens()
    .each((t: ItemToken) => {
      const pos = t.out(its.pos) as string;
      if (pos === "VERB" || pos === "AUX") found = true;
    });
  return found;
}

/** The first line is the notes' title when it is short and names itself (no verb, or "Unit 3 notes"). */
function isTitleLine(text: string): boolean {
  if (wordCount(text) > 16 || /[!?]$/.test(text)) return false;
  return !hasVerb(text) || (TITLE_WORDS.test(text) && /[–—|()\d]| - /.test(text));
}

function isHeadingLine(text: string): boolean {
  if (text.endsWith(":")) return true;
  if (/^(\*\*|__).+\1$/.test(text)) return true; // a bold line on its own
  const ended = /[.!?;]["'”’)]*$/.test(text);
  return (!ended && wordCount(text) <= 8) || (isTitleCase(text) && !/[!?;,]/.test(text));
}

function stripHeading(text: string): string {
  return cleanText(
    text
      .replace(/^#+\s*/, "")
      .replace(/\s*#+$/, "")
      .replace(/^(\*\*|__)|(\*\*|__)$/g, ""),
  ).replace(/[:.]$/, "");
}

// A line ending in one of these is cut mid-phrase: wrapped text, never a heading.
const DANGLING = /\b(?:and|or|of|the|a|an|to|from|with|in|on|by|for|that|which|is|are)$/i;

function classify(rawLines: string[]): Line[] {
  const lines: Line[] = [];
  let first = true;
  for (const [i, raw] of rawLines.entries()) {
    const text = cleanText(raw);
    if (!text || /^(?:[-=*_]\s*){3,}$/.test(text)) {
      // A setext underline makes the line above a heading; otherwise a rule is a break.
      const prev = lines[lines.length - 1];
      if (text && prev && prev.kind === "text") lines[lines.length - 1] = { kind: "heading", text: prev.text };
      else lines.push({ kind: "blank" });
      continue;
    }
    const prev = lines[lines.length - 1];
    // A longer line whose next line starts in lower case is hard-wrapped text ("Cell theory" above
    // "all living things…" stays a heading).
    const next = rawLines[i + 1] ?? "";
    const wrapped = DANGLING.test(text) || (wordCount(text) >= 5 && /^\s*\p{Ll}/u.test(next) && !BULLET.test(next));
    if (/^#{1,6}(\s|$)/.test(text)) lines.push({ kind: "heading", text });
    else if (BULLET.test(raw)) {
      const item = cleanText(raw.replace(BULLET, ""));
      lines.push({ kind: item.endsWith(":") ? "heading" : "bullet", text: item });
    } else if (/^\s/.test(raw) && prev?.kind === "bullet") {
      // An indented line under a bullet continues it.
      prev.text = `${prev.text} ${text}`;
    } else if (first && !wrapped && isTitleLine(text)) lines.push({ kind: "title", text });
    else if (!wrapped && isHeadingLine(text)) lines.push({ kind: "heading", text });
    else lines.push({ kind: "text", text });
    first = false;
  }
  return lines;
}

/** Joins hard-wrapped lines ("…the cell\nmembrane controls…") and ends unpunctuated lines with a full stop. */
function toSentences(items: Array<{ kind: "bullet" | "text"; text: string }>): string[] {
  const paragraphs: string[] = [];
  let prevKind: "bullet" | "text" | null = null;
  for (const item of items) {
    const last = paragraphs.length - 1;
    const continues =
      item.kind === "text" && last >= 0 && !/[.!?;]["'”’)]*$/.test(paragraphs[last]) && /^\p{Ll}/u.test(item.text);
    if (continues && prevKind !== null) paragraphs[last] = `${paragraphs[last]} ${item.text}`;
    else paragraphs.push(item.text);
    prevKind = item.kind;
  }
  return paragraphs.flatMap((p) => splitSentences(p)).map((s) => (/[.!?]["'”’)]*$/.test(s) ? s : `${s}.`));
}

export function parseNotes(notes: string): ParsedNotes {
  const lines = classify(notes.split(/\r\n?|\n/));
  const headings: string[] = [];
  const blocks: Array<{ heading: string | null; items: Array<{ kind: "bullet" | "text"; text: string }> }> = [];
  let title: string | null = null;
  let blank = false;
  for (const line of lines) {
    if (line.kind === "blank") {
      blank = true;
      continue;
    }
    if (line.kind === "title" || line.kind === "heading") {
      const h = stripHeading(line.text);
      headings.push(h);
      if (line.kind === "title") title = h;
      else blocks.push({ heading: h, items: [] });
      blank = false;
      continue;
    }
    const cur = blocks[blocks.length - 1];
    const lastItem = cur?.items[cur.items.length - 1];
    // A blank line starts a new section, except between the items of one list.
    const newBlock =
      !cur || (blank && cur.items.length > 0 && !(line.kind === "bullet" && lastItem?.kind === "bullet"));
    if (newBlock) blocks.push({ heading: null, items: [] });
    blocks[blocks.length - 1].items.push({ kind: line.kind, text: line.text });
    blank = false;
  }
  const sections: NoteSection[] = [];
  const sentences: NoteSentence[] = [];
  for (const block of blocks) {
    const texts = toSentences(block.items);
    if (texts.length === 0) continue;
    const section = sections.length;
    const own = texts.map(
      (text, i): NoteSentence => ({ text, section, index: sentences.length + i, words: wordCount(text) }),
    );
    sentences.push(...own);
    sections.push({ heading: block.heading, sentences: own, words: own.reduce((n, s) => n + s.words, 0) });
  }
  return { title, headings, sections, sentences };
}

/** True when `text` is (nearly) one of the notes' heading lines: such text must not be taught as content. */
export function isHeading(text: string, headings: readonly string[]): boolean {
  const norm = (s: string) =>
    cleanText(s)
      .toLowerCase()
      .replace(/[.:]+$/, "");
  const t = norm(text);
  return headings.some((h) => norm(h) === t);
}

/**
 * Splits sections 0..n-1 into at most `maxGroups` contiguous groups of similar word counts, so notes with
 * more sections than a lesson has key points (or a prompt has room for) are still covered end to end.
 */
export function groupSections(sections: readonly NoteSection[], maxGroups: number): number[][] {
  const n = sections.length;
  const groups = Math.max(1, Math.min(n, Math.floor(maxGroups)));
  if (groups >= n) return sections.map((_, i) => [i]);
  const weights = sections.map((s) => Math.max(1, s.words));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[][] = [[]];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const toOpen = groups - out.length;
    // Open the next group once this one has its share of the words, or when every section left needs its own.
    if (out[out.length - 1].length > 0 && toOpen > 0 && (acc >= (out.length * total) / groups || n - i <= toOpen)) {
      out.push([]);
    }
    out[out.length - 1].push(i);
    acc += weights[i];
  }
  return out;
}
