// Phrase rules for harm a word list misses: threats, encouraging self-harm, harassment and requests
// for dangerous instructions. They run on lower-cased text with leetspeak and spaced-out letters
// undone, so "k y s" and "k1ll urs3lf" are read as written. Patterns need a person as the target
// ("you", "yourself"), which keeps "I killed it on the exam" and "the cell will die" clean.

export interface PhraseRule {
  pattern: RegExp;
  status: "REJECTED" | "FLAGGED";
  reason: string;
}

const YOU = `(?:you|u|ya|yourself|urself|your (?:family|mum|mom|dad|kids?))`;
const I_WILL = `(?:i|we)(?:'ll| will| wil| am going to|'m going to| am gonna|'m gonna| gonna| wanna| want to| shall)`;

export const PHRASE_RULES: PhraseRule[] = [
  {
    pattern: /\b(?:kill|hang|shoot|drown|off|end) ?(?:your ?self|ur ?self|yourselves|urselves)\b|\bkys\b/,
    status: "REJECTED",
    reason: "it tells someone to harm themselves",
  },
  {
    pattern: /\b(?:go|just|pls|please) die\b|\byou (?:should|deserve to|ought to|need to|better) die\b/,
    status: "REJECTED",
    reason: "it tells someone to die",
  },
  {
    pattern:
      /\b(?:nobody|no one|noone) would (?:miss|care about) you\b|\bthe world (?:is|would be) better without you\b/,
    status: "REJECTED",
    reason: "it is harassment that encourages self-harm",
  },
  {
    pattern: new RegExp(
      String.raw`\b${I_WILL} (?:\w+ ){0,2}(?:kill|murder|hurt|stab|shoot|strangle|rape|slit|behead|burn|bomb)\w* ${YOU}\b`,
    ),
    status: "REJECTED",
    reason: "it contains a threat of violence",
  },
  {
    pattern:
      /\byou(?:'re| are|r) (?:going to be |gonna be |so |already )?dead\b|\b(?:watch|sleep with one eye open)\b.*\byour back\b/,
    status: "REJECTED",
    reason: "it contains a threat",
  },
  {
    pattern: /\bi know where you (?:live|sleep|go to school)\b/,
    status: "REJECTED",
    reason: "it contains a threat",
  },
  {
    pattern:
      /\bhow (?:to|do i|can i|do you) (?:make|build|cook|synthesi[sz]e) (?:a |an |some )?(?:pipe ?bomb|bomb|explosive device|nerve agent|sarin|ricin|meth(?:amphetamine)?|napalm)\b/,
    status: "REJECTED",
    reason: "it asks for instructions that could hurt people",
  },
  {
    pattern: new RegExp(String.raw`\b${I_WILL} (?:\w+ ){0,2}(?:beat|punch|slap|kick|smash|find|get) ${YOU}\b`),
    status: "FLAGGED",
    reason: "it may contain a threat",
  },
  {
    pattern:
      /\bi (?:want|wanna|am going|'m going|plan|need) to (?:die|kill myself|end it all|end my life|hurt myself|cut myself)\b|\bsuicid\w*|\bself[- ]?harm\w*/,
    status: "FLAGGED",
    reason: "it mentions self-harm",
  },
  {
    pattern:
      /\byou(?:'re| are|r)? (?:such |so |an? |a total |a complete |just )*(?:stupid|idiot|moron|loser|worthless|pathetic|ugly|dumb|retard\w*|waste of space)\b|\b(?:nobody|no one) likes you\b|\bshut up\b/,
    status: "FLAGGED",
    reason: "it may be harassment",
  },
];

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

/** Lower-case, undo leetspeak inside words, and join letters spaced or dotted apart ("k.y.s"). */
export function normaliseForRules(text: string): string {
  let t = text.toLowerCase().replace(/[’`]/g, "'");
  t = t.replace(/[a-z0-9@$!]+/g, (w) => (/[a-z]/.test(w) ? w.replace(/[013457@$!]/g, (c) => LEET[c] ?? c) : w));
  t = collapseSpacedLetters(t);
  return t.replace(/\s+/g, " ");
}

/** "f u c k", "f.u.c.k" and "f-u-c-k" become "fuck": three or more single letters with separators. */
export function collapseSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@$][\s.\-_*+,|]+){2,}[\p{L}\p{N}@$](?![\p{L}\p{N}])/gu, (run) =>
    run.replace(/[\s.\-_*+,|]+/g, ""),
  );
}
