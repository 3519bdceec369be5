// What an imported calendar event is (exam, assignment, class…) and which subject it belongs to,
// so a school calendar's exams count down and get study plans like the ones made here. CATEGORIES
// decide first (our own export writes "EXAM,BIOLOGY"; many school systems write "Exam"); then the
// title's words ("Biology midterm", "Essay due"). Anything unclear stays OTHER with no subject.
import { EVENT_TYPES, SUBJECT_LABELS, SUBJECTS } from "@lm/core";

type EventType = (typeof EVENT_TYPES)[number];
type Subject = (typeof SUBJECTS)[number];

// Checked in this order: "Revision for the biology exam" is a study session, not the exam.
const TYPE_WORDS: Array<[EventType, string]> = [
  ["STUDY_SESSION", "study|studying|revision|revise|review session"],
  ["EXAM", "exams?|tests?|quiz|quizzes|midterms?|finals?|klausur|prüfung|examen"],
  ["ASSIGNMENT", "assignments?|homework|essays?|due|coursework|deadlines?|projects?|hausaufgaben?"],
  ["CLASS", "class|classes|lectures?|lessons?|seminars?|labs?|tutorials?|vorlesung|übung"],
  ["REMINDER", "reminders?"],
];

/** `alternatives` as whole words, Unicode-aware (\b would split "übung" after its ü). */
const wholeWords = (alternatives: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])(${alternatives})($|[^\\p{L}\\p{N}])`, "iu");
const TYPE_PATTERNS = TYPE_WORDS.map(([type, alternatives]) => [type, wholeWords(alternatives)] as const);

// Beyond each subject's own label: the words students and school calendars use for it.
const SUBJECT_WORDS: Partial<Record<Subject, string[]>> = {
  MATH: ["maths", "mathematics", "algebra", "calculus", "geometry", "statistics", "analysis", "mathe"],
  BIOLOGY: ["bio"],
  CHEMISTRY: ["chem"],
  COMPUTER_SCIENCE: ["computing", "programming", "informatics", "cs"],
  ENGLISH: ["literature"],
  LANGUAGES: ["french", "spanish", "german", "latin", "italian", "chinese", "japanese"],
  ECONOMICS: ["econ"],
  ART: ["drawing", "painting"],
};

const words = (s: string) => s.toLowerCase().normalize("NFKC");
const hasWord = (text: string, word: string) => wholeWords(word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).test(text);

function subjectIn(text: string): Subject | null {
  const t = words(text);
  for (const s of SUBJECTS) {
    if (s === "OTHER") continue;
    const names = [SUBJECT_LABELS[s], s.replace(/_/g, " "), ...(SUBJECT_WORDS[s] ?? [])].map(words);
    if (names.some((n) => hasWord(t, n))) return s;
  }
  return null;
}

function typeIn(text: string): EventType | null {
  for (const [type, pattern] of TYPE_PATTERNS) if (pattern.test(text)) return type;
  return null;
}

export function classifyEvent(e: { title: string; categories: readonly string[] }): {
  type: EventType;
  subject: Subject | null;
} {
  const upper = e.categories.map((c) => c.trim().toUpperCase().replace(/\s+/g, "_"));
  const exactType = upper.find((c): c is EventType => (EVENT_TYPES as readonly string[]).includes(c));
  const exactSubject = upper.find((c): c is Subject => c !== "OTHER" && (SUBJECTS as readonly string[]).includes(c));
  const categories = e.categories.join(", ");
  return {
    type: exactType ?? typeIn(categories) ?? typeIn(e.title) ?? "OTHER",
    subject: exactSubject ?? subjectIn(categories) ?? subjectIn(e.title),
  };
}
