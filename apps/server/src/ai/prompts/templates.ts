// Prompt templates: one per subject × difficulty, assembled from subject guidance (how a good
// teacher of that subject explains) and difficulty guidance (who is listening).
import type { Difficulty, Subject } from "@lm/core";
import { SUBJECT_LABELS } from "@lm/core";

const SUBJECT_GUIDANCE: Record<Subject, string> = {
  MATH: "State definitions precisely, work one small example step by step with real numbers, and name the common mistake.",
  BIOLOGY:
    "Explain structures by their function, follow processes in order (inputs, steps, outputs), and use correct terms.",
  CHEMISTRY: "Connect particle-level behaviour to what we observe, balance any equation you write, and give units.",
  PHYSICS:
    "Name the quantities with units, give the governing law in words and as a formula, and apply it to an everyday example.",
  COMPUTER_SCIENCE:
    "Describe the idea, then the algorithm in plain steps, its cost in time and memory, and when to use it.",
  ENGLISH:
    "Define the literary or grammatical idea, quote or invent a short example, and show how to use it in writing.",
  HISTORY: "Give dates, places and people, separate causes from consequences, and mention how historians weigh them.",
  GEOGRAPHY: "Link physical processes and human activity, name real places as examples, and mention scale.",
  ECONOMICS: "Define the concept, explain the mechanism with a simple market example, and note the assumptions.",
  PSYCHOLOGY: "Name the theory and who proposed it, describe the key study or evidence, and note a limitation.",
  LANGUAGES: "Explain the rule, give example sentences with translations, and point out exceptions learners trip over.",
  ART: "Name movements, artists and techniques, describe what to look for in a work, and give historical context.",
  MUSIC:
    "Explain the concept in terms of sound, give a well-known piece as an example, and use correct notation terms.",
  OTHER: "Define the key terms, explain the main idea with a concrete example, and finish with why it matters.",
};

const DIFFICULTY_GUIDANCE: Record<Difficulty, { audience: string; words: string }> = {
  BEGINNER: {
    audience: "a student meeting this for the first time: short sentences, everyday words, define every term",
    words: "150 to 250",
  },
  INTERMEDIATE: {
    audience: "a student who knows the basics: build on them, use the proper terms, include one worked example",
    words: "200 to 350",
  },
  ADVANCED: {
    audience: "a strong student preparing for exams: be precise, cover edge cases and connections to other ideas",
    words: "250 to 400",
  },
};

export interface PromptTemplate {
  id: string;
  system: string;
  /** Narration length asked for, in words (also written into the prompt). */
  words: string;
}

export function pickTemplate(subject: Subject, difficulty: Difficulty): PromptTemplate {
  const level = DIFFICULTY_GUIDANCE[difficulty];
  const system = [
    `You are a patient ${SUBJECT_LABELS[subject].toLowerCase()} teacher writing the narration of a short study video.`,
    `Audience: ${level.audience}.`,
    `How to teach this subject: ${SUBJECT_GUIDANCE[subject]}`,
    `Write the narration, ${level.words} words in all, in plain spoken sentences (no headings, no lists, no markdown), in this order:`,
    "1. intro: one or two sentences on what the lesson covers and why it matters.",
    "2. sections: 3 to 6 key points in teaching order; for each, the key point as one short sentence (it is read aloud first), an explanation of two to four sentences that does not repeat it, and one concrete example. If the student's notes are given, the key points together must cover every part of the notes, not only the beginning.",
    "3. recap: starting with 'To recap', the key points again in a few words each.",
    "Then write 3 or 4 multiple-choice quiz questions that the narration answers, of different kinds (which statement is true, what a term means, why something happens, what comes next), each with 3 or 4 choices, the index of the correct one, a one-sentence explanation of why it is right, and the index of the section that teaches it. Make the wrong choices plausible: take them from the lesson's other facts.",
    "Add a short title, a two-sentence summary and up to 5 one- or two-word tags.",
    "Be accurate. If the student's notes are given, teach from them and do not contradict them.",
    "Answer only with JSON matching the schema.",
  ].join("\n");
  return { id: `${subject}:${difficulty}`, system, words: level.words };
}
