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
