// What the lesson pipeline takes and returns, in a file of its own so the steps it calls
// (post-processing, quality checks, the prompt builder) need not import the pipeline itself.
import type { Difficulty, QuizQuestion, Subject } from "@lm/core";

export interface LessonInput {
  topic: string;
  subject: Subject;
  difficulty: Difficulty;
  sourceText?: string | null;
}

export interface Lesson {
  title: string;
  script: string;
  scriptSummary: string;
  keyPoints: string[];
  timestamps: number[];
  duration: number;
  tags: string[];
  quiz: QuizQuestion[];
}
