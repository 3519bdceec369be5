// Sentence splitting for narration and captions: "Mr. Okafor", "e.g. leaves", "3.14" and initials
// such as "J. S. Bach" stay inside their sentence.

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sr jr st vs etc e.g i.e eg ie fig figs no nos approx cf al ca dept est inc ltd co mt " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun vol pp ed eds op"
  ).split(" "),
);

/** Candidate ends: terminal punctuation (with closing quotes or brackets) followed by space or the end. */
const END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

function endsWithAbbreviation(before: string): boolean {
  const m = /(?:^|[\s(“"'])([\p{L}.]+)$/u.exec(before);
  if (!m) return false;
  const token = m[1].toLowerCase().replace(/\.$/, "");
  // A single letter is an initial ("J. S. Bach"), not the end of a sentence.
  return ABBREVIATIONS.has(token) || /^\p{L}$/u.test(token);
}

export function splitSentences(text: string): string[] {
  const s = text.replace(/\s+/g, " ").trim();
  const out: string[] = [];
  let start = 0;
  for (const m of s.matchAll(END)) {
    const end = (m.index ?? 0) + m[0].length;
    const rest = s.slice(end).trimStart();
    if (m[0].startsWith(".") && m[0].length === 1) {
      // "approx. three", "Mr. Okafor": a lower-case next word or a known abbreviation is no sentence end.
      if (endsWithAbbreviation(s.slice(start, m.index)) || /^\p{Ll}/u.test(rest)) continue;
    }
    const sentence = s.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const tail = s.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}
