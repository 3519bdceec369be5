// Mastery per lesson and per subject: the FSRS recall probability of the student's cards now,
// falling back to the quiz's share right for lessons with no cards. Weakest first, so the planner
// and the feed can take the top of the list.
import type { LessonMastery, Mastery, Subject, SubjectMastery } from "@lm/core";
import type { Queryable } from "../db/index.js";
import * as repo from "./repository.js";
import { retrievability, schedulerFor } from "./scheduler.js";

export async function mastery(tx: Queryable, userId: string, now: Date): Promise<Mastery> {
  const f = schedulerFor(await repo.settings(tx, userId));
  const lessons = new Map<string, LessonMastery & { sum: number; weakest: number }>();
  const entry = (videoId: string, title: string | null, subject: string | null) => {
    let e = lessons.get(videoId);
    if (!e) {
      e = {
        videoId,
        title: title ?? "",
        subject: (subject ?? "OTHER") as Subject,
        cards: 0,
        reviewed: 0,
        recall: null,
        quizAnswered: 0,
        quizCorrect: 0,
        mastery: null,
        weakestCardId: null,
        sum: 0,
        weakest: 2,
      };
      lessons.set(videoId, e);
    }
    return e;
  };
  for (const c of await repo.deckForMastery(tx, userId)) {
    // A lesson the student can no longer see (removed, gone private) has no subject to rank under.
    if (c.subject === null) continue;
    const e = entry(c.video_id, c.video_title, c.subject);
    const r = retrievability(f, c, now);
    e.cards++;
    if (c.last_review) e.reviewed++;
    e.sum += r;
    if (r < e.weakest) {
      e.weakest = r;
      e.weakestCardId = c.id;
    }
  }
  for (const q of await repo.quizTotals(tx, userId)) {
    if (q.subject === null) continue;
    const e = entry(q.video_id, q.title, q.subject);
    e.quizAnswered = q.answered;
    e.quizCorrect = q.correct;
  }
  const out: LessonMastery[] = [];
  for (const { sum, weakest: _w, ...e } of lessons.values()) {
    e.recall = e.cards > 0 ? sum / e.cards : null;
    e.mastery = e.recall ?? (e.quizAnswered > 0 ? e.quizCorrect / e.quizAnswered : null);
    out.push(e);
  }
  out.sort((a, b) => (a.mastery ?? 2) - (b.mastery ?? 2) || a.title.localeCompare(b.title));
  return { lessons: out, subjects: bySubject(out) };
}

function bySubject(lessons: LessonMastery[]): SubjectMastery[] {
  const subjects = new Map<Subject, { lessons: number; cards: number; sum: number; n: number }>();
  for (const l of lessons) {
    const s = subjects.get(l.subject) ?? { lessons: 0, cards: 0, sum: 0, n: 0 };
    s.lessons++;
    s.cards += l.cards;
    if (l.mastery !== null) {
      s.sum += l.mastery;
      s.n++;
    }
    subjects.set(l.subject, s);
  }
  return [...subjects.entries()]
    .map(([subject, s]) => ({ subject, lessons: s.lessons, cards: s.cards, mastery: s.n ? s.sum / s.n : null }))
    .sort((a, b) => (a.mastery ?? 2) - (b.mastery ?? 2));
}
