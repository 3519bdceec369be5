// The planner's part of GET /users/:id/stats, counted on the student's own calendar days.
import type { Db } from "../db/index.js";
import { studyActivity } from "../study/index.js";
import type { PlannerStatsFn } from "../users/service.js";
import { startOfLocalWeek, streakDays } from "./domain/stats.js";
import { occurrencesOf, zoneOf } from "./reminders.js";
import * as repo from "./repository.js";

const WEEK_MS = 7 * 86_400_000;

/**
 * eventsCompleted: completed one-off events plus completed occurrences of series.
 * eventsUpcoming: events not yet completed that still have an occurrence ahead (a series once).
 * studyMinutesThisWeek: completed STUDY_SESSION time starting in this local week (Mon 00:00), plus
 *   lessons watched and quizzes finished in it (study/activity.ts).
 * streakDays: consecutive local days with something completed, watched or a quiz finished
 *   (see domain/stats.ts).
 */
export function plannerStats(db: Db): PlannerStatsFn {
  return async (userId) => {
    const now = new Date();
    const { rows, ownerZone, userTz, weekStart, weekEnd, study } = await db.withUser({ userId }, async (tx) => {
      const ownerZone = (await repo.ownerSettings(tx, userId))?.time_zone ?? null;
      const userTz = zoneOf({ time_zone: null }, ownerZone);
      const weekStart = startOfLocalWeek(now, userTz).getTime();
      // A week is not always 7×24 h (DST), so take the next Monday's midnight from the zone too.
      const weekEnd = startOfLocalWeek(new Date(weekStart + WEEK_MS + 2 * 3_600_000), userTz).getTime();
      const week = { start: new Date(weekStart), end: new Date(weekEnd) };
      return {
        rows: await repo.listAll(tx, userId),
        ownerZone,
        userTz,
        weekStart,
        weekEnd,
        study: await studyActivity(tx, userId, userTz, week, now),
      };
    });
    let eventsCompleted = 0;
    let eventsUpcoming = 0;
    let studyMs = 0;
    const completedStarts: Date[] = [];
    for (const row of rows) {
      const duration = row.end_date ? row.end_date.getTime() - row.start_date.getTime() : 0;
      const starts = row.rrule ? row.completed_occurrences : row.is_completed ? [row.start_date] : [];
      eventsCompleted += starts.length;
      completedStarts.push(...starts);
      if (row.type === "STUDY_SESSION") {
        for (const s of starts) if (s.getTime() >= weekStart && s.getTime() < weekEnd) studyMs += duration;
      }
      if (!row.rrule) {
        if (!row.is_completed && row.start_date > now) eventsUpcoming++;
      } else {
        const ahead = occurrencesOf(row, zoneOf(row, ownerZone), { from: now }, 64).filter(
          (o) => o.start > now && !starts.some((d) => d.getTime() === o.start.getTime()),
        );
        if (ahead.length > 0) eventsUpcoming++;
      }
    }
    return {
      eventsCompleted,
      eventsUpcoming,
      studyMinutesThisWeek: Math.round((studyMs + study.weekSeconds * 1000) / 60_000),
      streakDays: streakDays(completedStarts, userTz, now, study.days),
    };
  };
}
