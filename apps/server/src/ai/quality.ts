// Quality gate between post-processing and publishing: counts and lengths, "is this lesson about
// what the student asked", "does it teach all of the notes", "is this language at all", a quiz that
// tests more than one way, and moderation of the output.
import { coveredParts, notesParts, partsNeeded } from "./coverage.js";
import { GenerationError } from "./errors.js";
import { LIMITS } from "./lesson-schema.js";
import { moderateText } from "./moderation.js";
import type { Lesson, LessonInput } from "./types.js";
import { inferKind } from "./quiz/kinds.js";
import { contentStems, wordCount, words } from "./text.js";

function fail(reason: string): never {
  throw new GenerationError("quality", reason, false);
}

/** Share of the lesson's distinct content words that also occur in `reference`. */
export function overlapRatio(lessonText: string, reference: string): number {
  const lesson = new Set(contentStems(lessonText));
  if (lesson.size === 0) return 0;
  const ref = new Set(contentStems(reference));
  let shared = 0;
  for (const s of lesson) if (ref.has(s)) shared++;
  return shared / lesson.size;
}

/** Share of the topic's content words the lesson mentions. */
export function topicCoverage(lessonText: string, topic: string): number {
  const wanted = new Set(contentStems(topic));
  if (wanted.size === 0) return 1;
  const have = new Set(contentStems(lessonText));
  let found = 0;
  for (const s of wanted) if (have.has(s)) found++;
  return found / wanted.size;
}

/** Share of "words" that look like words of a human language (letters, sensible length). */
export function wordLikeRatio(text: string): number {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return 0;
  const ok = tokens.filter((t) => /^[("'“‘]*[\p{L}][\p{L}'’-]{0,24}[)"'”’.,;:!?]*$/u.test(t)).length;
  return ok / tokens.length;
}

function checkQuiz(lesson: Lesson): void {
  const { quiz } = lesson;
  if (quiz.length < LIMITS.quiz.min || quiz.length > LIMITS.quiz.max) {
    fail(
      `The generated lesson had ${quiz.length} usable quiz questions; it needs between ${LIMITS.quiz.min} and ${LIMITS.quiz.max}. ` +
        "Notes with more facts (definitions, causes, numbers) give the quiz more to ask.",
    );
  }
  if (new Set(quiz.map((q) => inferKind(q.question, q.choices))).size < 2) {
    fail("The generated quiz asked every question the same way; it needs more than one kind of question.");
  }
  for (const q of quiz) {
    if (!q.explanation || q.at === undefined || q.at < 0 || q.at >= lesson.duration) {
      fail("The generated quiz had a question without an explanation or a moment of the lesson that covers it.");
    }
  }
}

/** Rejects a lesson whose key points come from one part of the notes (e.g. only their first paragraphs). */
function checkCoverage(lesson: Lesson, notes: string): void {
  const parts = notesParts(notes);
  if (parts.length < 2) return;
  const covered = coveredParts(lesson.keyPoints, parts).size;
  if (covered < partsNeeded(parts.length)) {
    fail(
      `The generated lesson's key points came from ${covered} of the ${parts.length} parts of your notes; ` +
        "a lesson has to teach all of them.",
    );
  }
}

export function checkQuality(lesson: Lesson, input: LessonInput): void {
  const scriptWords = wordCount(lesson.script);
  if (lesson.title.length < LIMITS.title.min) fail("The generated lesson had no usable title.");
  if (wordLikeRatio(lesson.script) < 0.7) fail("The generated lesson was not readable text.");
  if (scriptWords < LIMITS.script.minWords) {
    fail(`The generated lesson was too short (${scriptWords} words; at least ${LIMITS.script.minWords} are needed).`);
  }
  if (scriptWords > LIMITS.script.maxWords) fail("The generated lesson was too long to narrate as a short video.");
  if (lesson.scriptSummary.length < LIMITS.summary.min) fail("The generated lesson had no usable summary.");
  if (lesson.keyPoints.length < LIMITS.keyPoints.min || lesson.keyPoints.length > LIMITS.keyPoints.max) {
    fail(`The generated lesson had ${lesson.keyPoints.length} distinct key points; it needs between 3 and 8.`);
  }
  checkQuiz(lesson);
  const body = [lesson.title, lesson.script, ...lesson.keyPoints].join(" ");
  const onTopic = topicCoverage(body, input.topic) >= 0.5;
  const fromNotes = input.sourceText ? overlapRatio(lesson.script, input.sourceText) >= 0.4 : false;
  if (!onTopic && !fromNotes) {
    fail(
      input.sourceText
        ? "The generated lesson was not about your topic or your notes."
        : "The generated lesson was not about the topic you asked for.",
    );
  }
  if (input.sourceText) checkCoverage(lesson, input.sourceText);
  const quizText = lesson.quiz.flatMap((q) => [q.question, ...q.choices]).join("\n");
  const verdict = moderateText([body, lesson.scriptSummary, lesson.tags.join(" "), quizText].join("\n"));
  if (verdict.status === "REJECTED")
    fail("The generated lesson contained unsuitable content, so it was not published.");
  if (words(lesson.script).length === 0) fail("The generated lesson was empty.");
}
