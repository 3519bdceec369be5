// The kinds of question a quiz is written from the lesson's facts with, each with its explanation and
// distractors taken from the lesson's other facts: true/false (a fact or its false twin), which statement
// is true, term ↔ definition, cause and effect, and fill-in-the-blank on a key term.
import { LIMITS } from "../lesson-schema.js";
import { phraseIn } from "../phrases.js";
import { contentStems, truncateWords, wordCount } from "../text.js";
import {
  capitalise,
  type Fact,
  type FalseTwin,
  falseTwin,
  keyTerms,
  type LessonFacts,
  midSentence,
  replaceTerm,
  standIns,
} from "./facts.js";

export type QuizKind =
  | "multiple-choice"
  | "true-false"
  | "true-statement"
  | "term-definition"
  | "cause-effect"
  | "fill-in";

export interface DraftQuestion {
  kind: QuizKind;
  keyPointIndex: number;
  question: string;
  answer: string;
  distractors: string[];
  explanation: string;
  /** Choices in a fixed order (True, False): the answer keeps its place. */
  fixed?: readonly string[];
  /** A generated true/false can ask about the fact's false twin instead, when the drawn position is "False". */
  falseVersion?: { question: string; explanation: string };
  /** The fact it was written from, so no two questions test the same sentence. */
  source?: string;
}

const TRUE_FALSE = ["True", "False"] as const;
const PREFIX: Array<[RegExp, QuizKind]> = [
  [/^true or false\b/i, "true-false"],
  [/^fill in the blank\b/i, "fill-in"],
  [/^which of these statements is true\b/i, "true-statement"],
  [/^(?:which best describes|which term matches)\b/i, "term-definition"],
  [/^(?:what is the reason that|according to the lesson, what (?:can|causes))\b/i, "cause-effect"],
];

/** The kind of a question from its wording (so a stored quiz processed again keeps its kinds). */
export function inferKind(question: string, choices: readonly string[]): QuizKind {
  for (const [re, kind] of PREFIX) if (re.test(question)) return kind;
  const lower = choices.map((c) => c.toLowerCase());
  if (lower.length === 2 && lower.includes("true") && lower.includes("false")) return "true-false";
  return "multiple-choice";
}

const fits = (s: string) => s.length <= LIMITS.choice.max;
const unstop = (s: string) => s.replace(/[.!?]+$/, "");
const explain = (s: string) => truncateWords(s, LIMITS.explanation.max);

export function trueFalse(fact: Fact, lesson: LessonFacts): DraftQuestion | null {
  const question = `True or false: ${fact.text}`;
  if (question.length > LIMITS.question.max) return null;
  // Only facts with a false twin: the statement's truth is then drawn like any answer position.
  const twin = falseTwin(fact, lesson);
  if (!twin) return null;
  return {
    kind: "true-false",
    keyPointIndex: fact.keyPointIndex,
    question,
    answer: "True",
    distractors: ["False"],
    fixed: TRUE_FALSE,
    explanation: explain(`True. The lesson says: ${fact.text}`),
    falseVersion: {
      question: `True or false: ${twin.text}`,
      explanation: explain(
        `False. The lesson says: ${fact.text} The statement put ${twin.replacement} in place of ${twin.original}.`,
      ),
    },
    source: fact.text,
  };
}

export function trueStatement(fact: Fact, lesson: LessonFacts): DraftQuestion | null {
  if (!fits(fact.text)) return null;
  const twins: FalseTwin[] = [];
  // False twins of facts from other key points first, so the choices range over the lesson; ones another
  // question already offered last.
  const others = lesson.facts
    .filter((f) => f !== fact && fits(f.text))
    .sort((a, b) => Number(a.keyPointIndex === fact.keyPointIndex) - Number(b.keyPointIndex === fact.keyPointIndex));
  const found = others.map((f) => falseTwin(f, lesson)).filter((t): t is FalseTwin => t !== null && fits(t.text));
  for (const twin of [...found.filter((t) => !lesson.offered.has(t.text)), ...found]) {
    if (twins.length >= 3) break;
    if (!twins.includes(twin)) twins.push(twin);
  }
  if (twins.length < 2) return null;
  for (const t of twins) lesson.offered.add(t.text);
  const example = twins[0];
  return {
    kind: "true-statement",
    keyPointIndex: fact.keyPointIndex,
    question: "Which of these statements is true?",
    answer: fact.text,
    distractors: twins.map((t) => t.text),
    explanation: explain(
      `The lesson says: ${fact.text} Each other statement has a wrong term in it (for example ${example.replacement} in place of ${example.original}).`,
    ),
    source: fact.text,
  };
}

export function fillIn(fact: Fact, lesson: LessonFacts): DraftQuestion | null {
  for (const term of keyTerms(fact, lesson)) {
    const blanked = replaceTerm(fact.text, term.text, "_____");
    // A blank whose answer shows elsewhere in the sentence ("cells … _____ … cell") is no question.
    const left = new Set(contentStems(blanked));
    if (term.stems.some((s) => left.has(s))) continue;
    const question = `Fill in the blank: ${blanked}`;
    if (question.length > LIMITS.question.max) continue;
    const others = standIns(term, fact.text, lesson, 3).map((p) => p.text);
    if (others.length < 2) continue;
    return {
      kind: "fill-in",
      keyPointIndex: fact.keyPointIndex,
      question,
      answer: term.text,
      distractors: others,
      explanation: explain(`The lesson says: ${fact.text}`),
      source: fact.text,
    };
  }
  return null;
}

const DEFINITION =
  /^((?:the|a|an)\s+)?([^,;:()]{3,40}?)\s+(?:is|are|means|refers to)\s+((?:the|a|an|one|any)\s.{8,})$/i;
const COLON_DEFINITION = /^()([^,;:()]{3,30}):\s+(.{8,})$/;

interface Definition {
  term: string;
  /** The term as the sentence names it, article included ("the cell membrane"). */
  named: string;
  definition: string;
}

/** "X is the …" / "X: …" with X one of the lesson's terms: the term and its definition. */
export function definitionIn(fact: Fact, lesson: LessonFacts): Definition | null {
  const m = DEFINITION.exec(fact.text) ?? COLON_DEFINITION.exec(fact.text);
  if (!m) return null;
  const term = m[2].trim();
  if (!lesson.phrases.some((p) => p.text.toLowerCase() === term.toLowerCase())) return null;
  // The defining clause; what follows a semicolon or dash is detail ("…; it lets organisms grow").
  let definition = unstop(m[3].trim().split(/;\s|\s[–—]\s/)[0]);
  if (!fits(definition)) {
    const clause = definition.split(/,\s+(?:which|and|but|so)\s/)[0];
    if (!fits(clause) || wordCount(clause) < 4) return null;
    definition = clause;
  }
  return { term, named: `${(m[1] ?? "").toLowerCase()}${term}`, definition };
}

export function termDefinition(fact: Fact, lesson: LessonFacts): DraftQuestion | null {
  const own = definitionIn(fact, lesson);
  if (!own) return null;
  const others = lesson.facts
    .filter((f) => f !== fact)
    .map((f) => definitionIn(f, lesson))
    .filter((d): d is NonNullable<typeof d> => d !== null && d.term.toLowerCase() !== own.term.toLowerCase())
    .map((d) => capitalise(d.definition));
  const base = { kind: "term-definition" as const, keyPointIndex: fact.keyPointIndex, source: fact.text };
  const explanation = explain(`The lesson says: ${fact.text}`);
  if (others.length >= 2) {
    return {
      ...base,
      question: `Which best describes ${midSentence(own.named, lesson)}?`,
      answer: capitalise(own.definition),
      distractors: [...new Set(others)].slice(0, 3),
      explanation,
    };
  }
  const phrase = lesson.phrases.find((p) => p.text.toLowerCase() === own.term.toLowerCase());
  const terms = phrase ? standIns(phrase, fact.text, lesson, 3).map((p) => p.text) : [];
  const question = `Which term matches this description: ${own.definition}?`;
  if (terms.length < 2 || question.length > LIMITS.question.max) return null;
  return { ...base, question, answer: own.term, distractors: terms, explanation };
}

const BECAUSE = /^(.{12,}?),?\s+because\s+(.{8,}?)[.!]?$/i;
const THEREFORE = /^(.{10,}?),?\s+(?:which is why|that is why|this is why|and so|so)\s+(.{8,}?)[.!]?$/i;
const LEADS_TO = /^(.{10,}?)\s+(?:can |may |will |often |usually )?(?:leads? to|results? in)\s+(.{3,}?)[.!]?$/i;

/** Reasons: "What is the reason that <effect>?" with the cause among related facts of the lesson. */
export function causeEffect(fact: Fact, lesson: LessonFacts): DraftQuestion | null {
  const base = { kind: "cause-effect" as const, keyPointIndex: fact.keyPointIndex, source: fact.text };
  const explanation = explain(`The lesson says: ${fact.text}`);
  const because = BECAUSE.exec(fact.text);
  const therefore = because ? null : THEREFORE.exec(fact.text);
  if (because || therefore) {
    const [effect, cause] = because ? [because[1], because[2]] : [therefore![2], therefore![1]];
    const question = `What is the reason that ${midSentence(unstop(effect), lesson)}?`;
    const answer = capitalise(unstop(cause));
    if (!fits(answer) || question.length > LIMITS.question.max) return null;
    // Wrong reasons: other facts about the same things, so the choice needs understanding, not matching.
    const effectStems = new Set(contentStems(effect));
    const related = lesson.facts
      .filter((f) => f !== fact && fits(f.text) && !/\bbecause\b/i.test(f.text))
      .map((f) => ({ f, shared: [...f.stems].filter((s) => effectStems.has(s)).length }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.f.text.length - b.f.text.length)
      .slice(0, 3)
      .map((x) => unstop(x.f.text));
    if (related.length < 2) return null;
    return { ...base, question, answer, distractors: related, explanation };
  }
  const leads = LEADS_TO.exec(fact.text);
  if (!leads) return null;
  const outcome = lesson.phrases.find((p) => phraseIn(leads[2], p.text) >= 0);
  if (!outcome) return null;
  const question = `According to the lesson, what can ${midSentence(leads[1], lesson)} lead to?`;
  const others = standIns(outcome, fact.text, lesson, 3).map((p) => p.text);
  if (others.length < 2 || question.length > LIMITS.question.max) return null;
  return { ...base, question, answer: outcome.text, distractors: others, explanation };
}

/** Generators in the order a lesson's quiz prefers them when kinds are equally used. */
export const GENERATORS: Array<[QuizKind, (fact: Fact, lesson: LessonFacts) => DraftQuestion | null]> = [
  ["term-definition", termDefinition],
  ["cause-effect", causeEffect],
  ["true-statement", trueStatement],
  ["fill-in", fillIn],
  ["true-false", trueFalse],
];
