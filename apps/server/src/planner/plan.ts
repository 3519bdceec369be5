// Exam countdown: proposes study sessions before one of the user's exams, around their other
// events, each saying what to do from the student's review cards (exam-activities.ts), and on
// accept stores them (linked to the exam) in one transaction.
import type { PlannerEvent } from "@lm/core";
import { planDeck } from "../cards/index.js";
import type { Db } from "../db/index.js";
import { notFound } from "../http/errors.js";
import { type Activity, assignActivities, describe, weakestLessons } from "./domain/exam-activities.js";
import { proposeStudyPlan } from "./domain/study-plan.js";
import { toPlannerEvent } from "./presenter.js";
import { occurrencesOf, type Reminders, zoneOf } from "./reminders.js";
import * as repo from "./repository.js";
import { withSeriesEnd } from "./service.js";

export interface PlanInput {
  examEventId: string;
  sessionsPerWeek: number;
  minutesPerSession: number;
  accept?: boolean;
}

export interface ProposedItem {
  title: string;
  subject: string | null;
  type: "STUDY_SESSION";
  startDate: string;
  endDate: string;
  reminders: number[];
  linkedEventId: string;
  description: string;
  /** What the session asks: review due cards, re-watch a weak lesson, a practice quiz, or study. */
  activity: Omit<Activity, "title" | "minutes">;
}

/** Sessions are planned over at most this many days before the exam: the work stays bounded. */
const HORIZON_MS = 120 * 86_400_000;

interface Session {
  title: string;
  subject: string | null;
  startDate: Date;
  endDate: Date;
  reminders: number[];
  description: string;
  activity: Activity;
}

export type PlanResult = { items: ProposedItem[]; accepted: false } | { items: PlannerEvent[]; accepted: true };

const toProposed = (s: Session, examId: string): ProposedItem => {
  const { title: _t, minutes: _m, ...activity } = s.activity;
  return {
    title: s.title,
    subject: s.subject,
    type: "STUDY_SESSION",
    startDate: s.startDate.toISOString(),
    endDate: s.endDate.toISOString(),
    reminders: s.reminders,
    linkedEventId: examId,
    description: s.description,
    activity,
  };
};

export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly reminders: Reminders,
    private readonly appUrl: string,
  ) {}

  async plan(userId: string, input: PlanInput): Promise<PlanResult> {
    const now = new Date();
    return this.db.withUser({ userId }, async (tx) => {
      const exam = await repo.findById(tx, userId, input.examEventId);
      // Someone else's exam, or an event that is not an exam, reads as unknown.
      if (exam?.type !== "EXAM") throw notFound("Exam");
      const ownerZone = (await repo.ownerSettings(tx, userId))?.time_zone ?? null;
      const tz = zoneOf({ time_zone: null }, ownerZone);
      const from = new Date(Math.max(now.getTime(), exam.start_date.getTime() - HORIZON_MS));
      const range = { from, to: exam.start_date };
      const busy = (await repo.listCandidates(tx, userId, range)).flatMap((row) =>
        occurrencesOf(row, zoneOf(row, ownerZone), range, 2000).map((o) => ({
          start: o.start,
          // Events without an end still take their start slot.
          end: o.end && o.end > o.start ? o.end : new Date(o.start.getTime() + 60_000),
        })),
      );
      const slots = proposeStudyPlan({
        exam: { id: exam.id, title: exam.title, subject: exam.subject, startDate: exam.start_date },
        busy,
        now: from,
        sessionsPerWeek: input.sessionsPerWeek,
        minutesPerSession: input.minutesPerSession,
        timeZone: tz,
      });
      const { cards, titles } = await planDeck(tx, userId, exam.subject, now);
      const activities = assignActivities(
        exam.title,
        slots,
        cards,
        weakestLessons(cards, titles),
        input.minutesPerSession,
      );
      const sessions: Session[] = slots.map((slot, i) => ({
        title: activities[i].title,
        subject: slot.subject,
        startDate: slot.startDate,
        // A review of a few cards is shorter than the student's usual session.
        endDate: new Date(slot.startDate.getTime() + activities[i].minutes * 60_000),
        reminders: slot.reminders,
        description: describe(activities[i], this.appUrl),
        activity: activities[i],
      }));
      if (!input.accept) return { items: sessions.map((s) => toProposed(s, exam.id)), accepted: false as const };
      const created = [];
      for (const s of sessions) {
        const values = await withSeriesEnd(
          {
            title: s.title,
            description: s.description,
            subject: s.subject,
            type: "STUDY_SESSION",
            startDate: s.startDate,
            endDate: s.endDate,
            allDay: false,
            isCompleted: false,
            reminders: s.reminders,
            rrule: null,
            completedOccurrences: [],
            exdates: [],
            linkedEventId: exam.id,
            icalUid: null,
            timeZone: null,
          },
          tz,
        );
        created.push(await repo.insertEvent(tx, userId, values));
      }
      await this.reminders.schedule(tx, userId, created, () => tz);
      return { items: created.map(toPlannerEvent), accepted: true as const };
    });
  }
}
