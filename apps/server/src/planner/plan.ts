// Exam countdown: proposes study sessions before one of the user's exams, around their other
// events, and on accept stores them (linked to the exam) in one transaction.
import type { PlannerEvent } from "@lm/core";
import type { Db } from "../db/index.js";
import { notFound } from "../http/errors.js";
import { type ProposedSession, proposeStudyPlan } from "./domain/study-plan.js";
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
}

export type PlanResult = { items: ProposedItem[]; accepted: false } | { items: PlannerEvent[]; accepted: true };

const toProposed = (s: ProposedSession): ProposedItem => ({
  title: s.title,
  subject: s.subject,
  type: s.type,
  startDate: s.startDate.toISOString(),
  endDate: s.endDate.toISOString(),
  reminders: s.reminders,
  linkedEventId: s.linkedEventId,
});

export class PlanService {
  constructor(
    private readonly db: Db,
    private readonly reminders: Reminders,
  ) {}

  async plan(userId: string, input: PlanInput): Promise<PlanResult> {
    const now = new Date();
    return this.db.withUser({ userId }, async (tx) => {
      const exam = await repo.findById(tx, userId, input.examEventId);
      // Someone else's exam, or an event that is not an exam, reads as unknown.
      if (exam?.type !== "EXAM") throw notFound("Exam");
      const ownerZone = (await repo.ownerSettings(tx, userId))?.time_zone ?? null;
      const tz = zoneOf({ time_zone: null }, ownerZone);
      const range = { from: now, to: exam.start_date };
      const busy = (await repo.listCandidates(tx, userId, range)).flatMap((row) =>
        occurrencesOf(row, zoneOf(row, ownerZone), range, 2000).map((o) => ({
          start: o.start,
          // Events without an end still take their start slot.
          end: o.end && o.end > o.start ? o.end : new Date(o.start.getTime() + 60_000),
        })),
      );
      const sessions = proposeStudyPlan({
        exam: { id: exam.id, title: exam.title, subject: exam.subject, startDate: exam.start_date },
        busy,
        now,
        sessionsPerWeek: input.sessionsPerWeek,
        minutesPerSession: input.minutesPerSession,
        timeZone: tz,
      });
      if (!input.accept) return { items: sessions.map(toProposed), accepted: false as const };
      const created = [];
      for (const s of sessions) {
        const values = await withSeriesEnd(
          {
            title: s.title,
            description: null,
            subject: s.subject,
            type: s.type,
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
