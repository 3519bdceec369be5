// Which scene is on screen when: the title card over the intro, each key point's slide over its
// segment (a new frame each time one of its sentences starts), the recap card to the end.
import type { Difficulty, Subject } from "@lm/core";
import { contentStems } from "../../../ai/text.js";
import type { Segment } from "../narration.js";
import { splitSentences } from "../sentences.js";
import type { Timeline } from "../timeline.js";
import type { Scene } from "./slides.js";

export interface SlideLesson {
  title: string;
  subject: Subject;
  difficulty: Difficulty;
  keyPoints: string[];
}

export interface TimedScene {
  scene: Scene;
  start: number;
  end: number;
}

/** A sentence that merely repeats the slide's heading is not shown again beneath it. */
function repeatsHeading(heading: string, sentence: string): boolean {
  const h = new Set(contentStems(heading));
  const s = new Set(contentStems(sentence));
  if (h.size === 0) return false;
  let shared = 0;
  for (const x of h) if (s.has(x)) shared++;
  return shared / h.size >= 0.8 && s.size <= h.size * 1.25 + 1;
}

/** A point segment's sentences, as the timeline times them, flagged when they become bullets. */
function pointSentences(lesson: SlideLesson, segment: Segment) {
  const heading = lesson.keyPoints[segment.point ?? 0] ?? "";
  return segment.sentences
    .flatMap((s) => splitSentences(s))
    .map((text) => ({ text, bullet: !repeatsHeading(heading, text) }));
}

function pointScene(lesson: SlideLesson, segment: Segment, shown: number): Scene {
  const index = segment.point ?? 0;
  return {
    kind: "point",
    title: lesson.title,
    subject: lesson.subject,
    index,
    total: lesson.keyPoints.length,
    heading: lesson.keyPoints[index] ?? "",
    bullets: pointSentences(lesson, segment)
      .filter((s) => s.bullet)
      .map((s) => s.text),
    shown,
  };
}

/** The slide on screen at key point `index`'s timestamp: its heading, and its first sentence if that is a bullet. */
export function keyPointSlide(lesson: SlideLesson, segments: Segment[], index: number): Scene {
  const segment = segments.find((s) => s.kind === "point" && s.point === index);
  if (!segment) throw new RangeError(`no segment for key point ${index}`);
  return pointScene(lesson, segment, pointSentences(lesson, segment)[0]?.bullet ? 1 : 0);
}

export function planScenes(lesson: SlideLesson, segments: Segment[], timeline: Timeline): TimedScene[] {
  const out: TimedScene[] = [];
  segments.forEach((segment, i) => {
    const t = timeline.segments[i];
    if (segment.kind === "intro") {
      out.push({
        scene: {
          kind: "title",
          title: lesson.title,
          subject: lesson.subject,
          difficulty: lesson.difficulty,
          points: lesson.keyPoints.length,
        },
        start: t.start,
        end: t.end,
      });
    } else if (segment.kind === "recap") {
      out.push({
        scene: { kind: "recap", title: lesson.title, subject: lesson.subject, keyPoints: lesson.keyPoints },
        start: t.start,
        end: t.end,
      });
    } else {
      const sentences = pointSentences(lesson, segment);
      // Steps: the slide's start, then each later bullet's first word.
      const steps: Array<{ at: number; shown: number }> = [];
      let shown = 0;
      sentences.forEach((s, k) => {
        if (!s.bullet) return;
        shown++;
        const at = k === 0 ? t.start : (t.sentenceStarts[k] ?? t.start);
        if (steps.length > 0 && at <= steps[steps.length - 1].at) steps[steps.length - 1].shown = shown;
        else steps.push({ at, shown });
      });
      if (steps.length === 0 || steps[0].at > t.start) steps.unshift({ at: t.start, shown: 0 });
      steps.forEach((step, k) => {
        out.push({
          scene: pointScene(lesson, segment, step.shown),
          start: step.at,
          end: k + 1 < steps.length ? steps[k + 1].at : t.end,
        });
      });
    }
  });
  return out;
}
