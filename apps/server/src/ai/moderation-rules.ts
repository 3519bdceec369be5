// Phrase rules for harm a word list misses: threats, encouraging self-harm, harassment and requests
// for dangerous instructions. They run on lower-cased text with leetspeak and spaced-out letters
// undone, so "k y s" and "k1ll urs3lf" are read as written. Patterns need a person as the target
// ("you", "yourself"), which keeps "I killed it on the exam" and "the cell will die" clean.

export interface PhraseRule {
  pattern: RegExp;
  status: "REJECTED" | "FLAGGED";
  reason: string;
  /**
   * Tested on the text without its quoted passages: a student quoting a character's insult
   * ('Curley shouts "you are so stupid"') is discussing a text, not insulting anyone. Threats
   * are tested on everything, so quoting cannot be used to slip one past.
   */
  outsideQuotes?: boolean;
}

// Insults aimed at a person (issue 15 item 5). Nouns name a person ("an idiot"); adjectives need a
// person as the subject, so "stupid mistake I made" and "this is stupid hard" stay clean, and
// "the idiot's guide to…" has no verb making anyone one.
const INSULT_NOUN = String.raw`(?:idiot|moron|imbecile|cretin|halfwit|loser|clown|retard\w*|waste of space)`;
const INSULT_ADJ = `(?:stupid|dumb|brain ?dead|pathetic|worthless|useless|incompetent|ugly)`;
const INSULT_MOD = `(?:such|so|a|an|total|complete|absolute|real|utter|just|clearly|obviously|really|honestly)`;
const PERSON =
  `(?:whoever (?:made|wrote|created|uploaded|posted|narrated|did|thought of) (?:this|it|that)` +
  String.raw`|(?:the|this|that) (?:person|guy|girl|dude|one) (?:who|that) \w+ (?:this|it|that)` +
  `|(?:the|this|that) (?:creator|author|maker|uploader|teacher|narrator|op|poster|guy|girl|dude|person)` +
  `|he|she)`;
const IS = `(?:is|'s|are|'re|must be|seems(?: like)?|sounds like)`;

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
    pattern: new RegExp(
      String.raw`\byou(?:'re| are|r)? (?:${INSULT_MOD} )*(?:${INSULT_NOUN}|${INSULT_ADJ})\b` +
        String.raw`|\b${PERSON} ${IS} (?:${INSULT_MOD} )*(?:${INSULT_NOUN}|${INSULT_ADJ})\b` +
        String.raw`|\b(?:made|written|created|taught|narrated|posted|uploaded) by (?:an? |some )(?:${INSULT_MOD} )*${INSULT_NOUN}\b` +
        // "what an idiot", but not a student's "what an idiot I was"
        String.raw`|\bwhat an? (?:${INSULT_MOD} )*${INSULT_NOUN}\b(?! i (?:am|was|'m))`,
    ),
    status: "FLAGGED",
    reason: "it may insult a person",
    outsideQuotes: true,
  },
  {
    pattern: /\b(?:nobody|no one) likes you\b|\bshut up\b/,
    status: "FLAGGED",
    reason: "it may be harassment",
    outsideQuotes: true,
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

/** The text without passages in double quotes or quoted lines ("> …"): what the writer says themselves. */
export function withoutQuotes(normalised: string): string {
  return normalised.replace(/"[^"]*"|“[^”]*”|«[^»]*»/g, " ").replace(/(?:^|\n) ?>[^\n]*/g, " ");
}

/** "f u c k", "f.u.c.k" and "f-u-c-k" become "fuck": three or more single letters with separators. */
export function collapseSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@$][\s.\-_*+,|]+){2,}[\p{L}\p{N}@$](?![\p{L}\p{N}])/gu, (run) =>
    run.replace(/[\s.\-_*+,|]+/g, ""),
  );
}
