// Builds the user message for a lesson: the topic, the subject and level, and the student's notes
// condensed to fit the model's context (long notes keep every section's heading and most informative
// sentences, so the model can cover all of them).
import { SUBJECT_LABELS } from "@lm/core";
import type { LessonInput } from "../types.js";
import { condenseNotes } from "../providers/offline/summarise.js";
import { cleanText } from "../text.js";
import { type PromptTemplate, pickTemplate } from "./templates.js";

/** About 2,000 tokens of notes: leaves room for the system prompt and the answer in an 8k context. */
export const NOTES_BUDGET_CHARS = 8000;

export interface LessonPrompt {
  template: PromptTemplate;
  system: string;
  prompt: string;
  notes: string | null;
}

export function buildLessonPrompt(input: LessonInput, notesBudget = NOTES_BUDGET_CHARS): LessonPrompt {
  const template = pickTemplate(input.subject, input.difficulty);
  const notesRaw = input.sourceText ? cleanText(input.sourceText) : "";
  const notes = notesRaw ? condenseNotes(input.sourceText ?? "", notesBudget) : null;
  const lines = [
    `Topic: ${cleanText(input.topic)}`,
    `Subject: ${SUBJECT_LABELS[input.subject]}`,
    `Level: ${input.difficulty.toLowerCase()}`,
  ];
  if (notes) {
    lines.push(
      "",
      "The student's own notes (teach from these; they are the source of truth; cover every section):",
      '"""',
      notes,
      '"""',
    );
  } else {
    lines.push("", "The student gave no notes: teach the topic from well-established knowledge.");
  }
  lines.push("", `Write the lesson now (${template.words} words of narration).`);
  return { template, system: template.system, prompt: lines.join("\n"), notes };
}
