// Content moderation for generation input/output and, later, comments: a fast synchronous lexical
// pass (obscenity's word list plus phrase rules) and an optional LLM second opinion for text the
// lexical pass flags as borderline.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { collapseSpacedLetters, normaliseForRules, PHRASE_RULES, withoutQuotes } from "./moderation-rules.js";
import type { LlmProvider } from "./providers/types.js";

export type ModerationVerdict = { status: "APPROVED" | "FLAGGED" | "REJECTED"; reason: string | null };

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// Words with innocent uses ("Dick Whittington", "cum laude") or mild enough for a human or model to
// judge: FLAGGED rather than REJECTED.
const MILD = new Set([
  "shit",
  "damn",
  "crap",
  "ass",
  "arse",
  "bastard",
  "bitch",
  "dick",
  "cum",
  "tit",
  "piss",
  "bollocks",
]);

function profanity(text: string): { word: string; severe: boolean } | null {
  let mild: string | null = null;
  const collapsed = collapseSpacedLetters(text);
  // The second pass only matters when spaced-out letters were joined; skip it otherwise (50 KB notes).
  for (const candidate of collapsed === text ? [text] : [text, collapsed]) {
    for (const match of matcher.getAllMatches(candidate)) {
      const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? "profanity";
      if (!MILD.has(word)) return { word, severe: true };
      mild ??= word;
    }
  }
  return mild ? { word: mild, severe: false } : null;
}

function mask(word: string): string {
  return word.length <= 1 ? word : `${word[0]}${"*".repeat(word.length - 1)}`;
}

/** Lexical + rule-based moderation: synchronous and fast enough to run on every comment. */
export function moderateText(text: string): ModerationVerdict {
  const normalised = normaliseForRules(text);
  const ownWords = withoutQuotes(normalised);
  let flagged: ModerationVerdict | null = null;
  for (const rule of PHRASE_RULES) {
    if (!rule.pattern.test(rule.outsideQuotes ? ownWords : normalised)) continue;
    if (rule.status === "REJECTED")
      return { status: "REJECTED", reason: `The text was rejected because ${rule.reason}.` };
    flagged ??= { status: "FLAGGED", reason: `The text needs review because ${rule.reason}.` };
  }
  const found = profanity(text);
  if (found?.severe)
    return {
      status: "REJECTED",
      reason: `The text was rejected because it contains offensive language ("${mask(found.word)}").`,
    };
  if (flagged) return flagged;
  if (found)
    return {
      status: "FLAGGED",
      reason: `The text needs review because it contains rude language ("${mask(found.word)}").`,
    };
  return { status: "APPROVED", reason: null };
}

const judgeSchema = {
  type: "object",
  properties: {
    verdict: { enum: ["SAFE", "BORDERLINE", "UNSAFE"] },
    reason: { type: "string", maxLength: 120 },
  },
  required: ["verdict", "reason"],
  additionalProperties: false,
} as const;

const JUDGE_SYSTEM =
  "You moderate a study platform for students. Decide if the text is SAFE (fine for students, including " +
  "academic discussion of violence, history, health or biology), BORDERLINE (rude or unclear), or UNSAFE " +
  "(threats, harassment, encouraging self-harm, sexual content, hate, or instructions to cause harm). " +
  "Answer in JSON with a short reason.";

/**
 * Asks the configured model to judge text the lexical pass flagged. Offline there is no model to
 * ask, so the text is approved (the lexical pass already rejected what it could).
 */
export async function secondOpinion(text: string, provider: LlmProvider): Promise<ModerationVerdict> {
  if (provider.name === "offline") return { status: "APPROVED", reason: null };
  try {
    const { json } = await provider.generateJson({
      task: "moderation",
      system: JUDGE_SYSTEM,
      prompt: `Text to judge:\n"""\n${text.slice(0, 4000)}\n"""`,
      schema: judgeSchema,
      schemaName: "moderation_verdict",
      maxTokens: 120,
      temperature: 0,
    });
    const verdict = (json as { verdict?: unknown; reason?: unknown } | null)?.verdict;
    const why = (json as { reason?: unknown } | null)?.reason;
    const reason = typeof why === "string" && why.trim() ? why.trim().slice(0, 200) : null;
    if (verdict === "SAFE") return { status: "APPROVED", reason: null };
    if (verdict === "UNSAFE") return { status: "REJECTED", reason: reason ?? "The text was judged unsafe." };
    return { status: "FLAGGED", reason: reason ?? "The text needs a human review." };
  } catch {
    // No answer from the model: keep it flagged for a human rather than guessing either way.
    return { status: "FLAGGED", reason: "The text needs a human review (the moderation model did not answer)." };
  }
}
