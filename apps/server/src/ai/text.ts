// Small text helpers shared by post-processing, quality checks and the offline provider:
// whitespace clean-up, word counting and a crude stemmer for "is this about the topic" checks.

const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between " +
    "both but by can could did do does doing down during each few for from further had has have having he her here " +
    "hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other " +
    "our ours out over own same she should so some such than that the their theirs them then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why will with would " +
    "you your yours lesson explain explained introduction intro basics overview understanding understand learn " +
    "learning study notes topic chapter part using use used one two three many much may might must shall way ways"
  ).split(" "),
);

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFD]/g;

/** Collapses runs of whitespace, drops control characters and the replacement character. */
export function cleanText(s: string): string {
  return s.replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim();
}

export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

export function wordCount(s: string): number {
  return words(s).length;
}

/** Good enough to match "cells" with "cell" and "causes" with "cause"; not a real stemmer. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else {
    for (const suffix of ["ations", "ation", "ing", "ed", "es", "ly", "s"]) {
      // "class" and "process" end in s but are not plurals.
      if (suffix === "s" && w.endsWith("ss")) break;
      if (w.length >= suffix.length + 3 && w.endsWith(suffix)) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  // "cause"/"caus(es)", "make"/"mak(ing)": drop a final e so both sides meet.
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w.slice(0, 7);
}

/** Stems of the words that carry meaning (no stopwords, no numbers, at least 3 letters). */
export function contentStems(s: string): string[] {
  return words(s)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/** Cuts at a word boundary so truncated key points and titles do not end mid-word. */
export function truncateWords(s: string, maxChars: number): string {
  if (s.length <= maxChars) return s;
  const cut = s.slice(0, maxChars + 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > maxChars * 0.5 ? cut.slice(0, lastSpace) : s.slice(0, maxChars)).replace(/[\s,;:–-]+$/, "");
}

/** FNV-1a: a stable seed so the same notes always give the same quiz order. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// --- Sentences ---

// Abbreviations whose full stop never ends a sentence ("Mr. Okafor", "e.g. bacteria", "vs. the").
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms mx dr prof sr jr st mt vs cf al approx ca fig figs eq vol pp ch dept est inc ltd co corp gen gov lt " +
    "col sgt capt rev hon jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e a.k.a"
  ).split(" "),
);
// Abbreviations that end a sentence when a capital follows ("apples, pears, etc. The next…").
const FINAL_ABBREVIATIONS = new Set(["etc", "a.m", "p.m", "u.s", "u.k", "ph.d"]);
// Capitalised words that start sentences; after an initial ("vitamin A. The…") they mean a new sentence,
// while a name ("J. K. Rowling") does not.
const SENTENCE_STARTERS = new Set(
  (
    "the this that these those it its in on at a an we they he she i you but and so if when then there our their " +
    "each every all most some after before during as for to this however also both many one"
  ).split(" "),
);
const BULLET = /^\s*(?:[-*•▪◦‣–]|\d{1,3}[.)]|[a-z][)])\s+/;

/** The word that ends just before `end` (the full stop's position), without leading brackets. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  return text.slice(start, end).replace(/^[("'“‘[]+/, "");
}

function endsSentence(text: string, dot: number, next: string): boolean {
  if (text[dot] !== ".") return true; // ! and ? always end one
  const word = wordBefore(text, dot).toLowerCase();
  const nextWord = (/^[("'“‘[]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? "").toLowerCase();
  const capital = /^[("'“‘[]*\p{Lu}/u.test(next);
  if (ABBREVIATIONS.has(word)) return false;
  if ((word === "no" || word === "p") && /^\d/.test(next)) return false; // "No. 5", "p. 12"
  if (FINAL_ABBREVIATIONS.has(word)) return capital;
  // A single capital is an initial unless a usual sentence opener follows it.
  if (/^\p{Lu}$/u.test(wordBefore(text, dot))) return SENTENCE_STARTERS.has(nextWord);
  // Other dotted abbreviations ("U.N.", "a.m."), same rule.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return SENTENCE_STARTERS.has(nextWord);
  return true;
}

/**
 * Splits prose into sentences. A full stop ends a sentence only when whitespace follows it and it is not
 * an abbreviation ("Mr.", "e.g.", "etc." before a lower-case word), an initial ("J. K. Rowling") or part of a
 * number ("3.14"); ranges ("10–100 µm", "1-10") have no full stop to cut at. Bullet lines and blank lines
 * always end a sentence, so list items stay separate.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*(?:[-*•▪◦‣–]|\d{1,3}[.)]|[a-z][)])\s)/)) {
    const chunk = cleanText(block.replace(BULLET, ""));
    let start = 0;
    // Candidate ends: ., ! or ? (repeated), closing quotes or brackets, then whitespace.
    const ends = /[.!?]+["'”’)\]]*(?=\s)/g;
    for (let m = ends.exec(chunk); m; m = ends.exec(chunk)) {
      const after = m.index + m[0].length;
      if (!endsSentence(chunk, m.index, chunk.slice(after).trimStart())) continue;
      const sentence = chunk.slice(start, after).trim();
      if (sentence) out.push(sentence);
      start = after;
    }
    const rest = chunk.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/**
 * Lower-cases the first letter of a clause or heading used mid-sentence ("Organelles" → "we will look at
 * organelles"), unless `corpus` capitalises that word mid-sentence too (a name: "Krebs", "Newton").
 */
export function lowerFirstUnlessName(text: string, corpus: string): string {
  const [first = "", ...rest] = text.split(/\s+/);
  if (!/^\p{Lu}\p{Ll}*$/u.test(first)) return text;
  if (/^(?:The|A|An)$/.test(first)) return first.toLowerCase() + text.slice(first.length);
  // "Napoleon Bonaparte", "Marie Antoinette": a capital further on marks a name.
  if (rest.some((w) => /^\p{Lu}/u.test(w) && !/^(?:I|A)$/.test(w))) return text;
  const name = new RegExp(`(?<=[\\p{L}\\p{N},;)] )${first}(?!\\p{L})`, "u").test(corpus);
  return name ? text : first.toLowerCase() + text.slice(first.length);
}
