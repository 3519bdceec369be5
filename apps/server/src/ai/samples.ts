// Six hand-written, accurate sample lessons the first embedded start can seed so a newcomer's
// feed is not empty. They pass through the same post-processing as generated lessons.
import { postProcess } from "./postprocess.js";
import type { Lesson, LessonInput } from "./types.js";
import { SAMPLE_SOURCES } from "./samples-data.js";
import { SAMPLE_SOURCES_2 } from "./samples-data-2.js";

export const SAMPLE_LESSONS: Array<LessonInput & Lesson> = [...SAMPLE_SOURCES, ...SAMPLE_SOURCES_2].map((s) => ({
  topic: s.topic,
  subject: s.subject,
  difficulty: s.difficulty,
  sourceText: null,
  ...postProcess(s, s),
}));
