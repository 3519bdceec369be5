// Study outside the planner, for GET /users/:id/stats: lessons watched (heartbeats) and quizzes
// finished, on the student's local days.
import type { Queryable } from "../db/index.js";
import { localDayKey } from "../planner/index.js";
import * as repo from "./repository.js";

/**
 * A finished quiz counts as one minute per question, on the day its last question was first
 * answered. Why a fixed rate: answers carry no reliable duration (offline devices replay them
 * later), and a minute a question is what the lessons' quizzes take; finishing a lesson's quiz
 * again adds nothing, so it cannot be farmed.
 */
export const QUIZ_MINUTES_PER_QUESTION = 1;
/** A day joins the streak from a minute of watching: opening a lesson for a few seconds is not study. */
export const STREAK_WATCH_SEC = 60;
/** How far back watch days are read for a streak. */
const LOOKBACK_DAYS = 3 * 366;

export interface StudyActivity {
  /** Watched plus quiz seconds in [weekStart, weekEnd) local days. */
  weekSeconds: number;
  /** Local day keys that count toward the streak. */
  days: string[];
}

export async function studyActivity(
  tx: Queryable,
  userId: string,
  tz: string,
  week: { start: Date; end: Date },
  now: Date,
): Promise<StudyActivity> {
  const fromDay = localDayKey(new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000), tz);
  const [startKey, endKey] = [localDayKey(week.start, tz), localDayKey(week.end, tz)];
  const inWeek = (day: string) => day >= startKey && day < endKey;
  let weekSeconds = 0;
  const days: string[] = [];
  for (const w of await repo.watchedDays(tx, userId, fromDay)) {
    if (inWeek(w.day)) weekSeconds += w.seconds;
    if (w.seconds >= STREAK_WATCH_SEC) days.push(w.day);
  }
  for (const q of await repo.finishedQuizzes(tx, userId, new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000))) {
    if (q.finished_at.getTime() > now.getTime()) continue;
    const day = localDayKey(q.finished_at, tz);
    if (inWeek(day)) weekSeconds += q.questions * QUIZ_MINUTES_PER_QUESTION * 60;
    days.push(day);
  }
  return { weekSeconds, days };
}
