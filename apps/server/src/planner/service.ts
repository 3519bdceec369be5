// Planner events: ownership, validation beyond the schema (rules, ranges), recurrence and
// per-occurrence completion. Every query runs as the user, so RLS backs each owner check.
import type { PlannerEvent, PlannerEventCreateInput, PlannerEventUpdateInput } from "@lm/core";
import type { Db, Queryable } from "../db/index.js";
import { AppError, notFound, validation } from "../http/errors.js";
import { ExpansionBudget, type ExpansionMeter } from "./domain/expansion-budget.js";
import { checkEverMatches, parseRRule, RRuleError, seriesEnd } from "./domain/recurrence.js";
import { guardRule } from "./expansion-errors.js";
import { checkRange, listEvents } from "./list-events.js";
import { toOccurrence, toPlannerEvent } from "./presenter.js";
import { occurrencesOf, type Reminders, zoneOf } from "./reminders.js";
import * as repo from "./repository.js";
import type { EventRow, EventValues } from "./repository.js";
import { Slicer } from "./yield-loop.js";

export interface EventQuery {
  from?: string;
  to?: string;
  subject?: string;
  type?: string;
  completed?: boolean;
  limit?: number;
  cursor?: string;
}

export type UpdateInput = Omit<PlannerEventUpdateInput, "occurrenceDate">;

function checkRule(rrule: string | null | undefined) {
  if (!rrule) return;
  try {
    parseRRule(rrule);
  } catch (err) {
    if (err instanceof RRuleError) throw validation("rrule", err.message);
    throw err;
  }
}

/**
 * Row values for a write; series_end is derived so range queries can prefilter on it. Refuses
 * (400 on `rrule`) a rule that never produces an occurrence or walks past its budget; the check
 * pauses between chunks, so it never holds the event loop for long.
 */
export async function withSeriesEnd(
  v: Omit<EventValues, "seriesEnd">,
  tz: string,
  meter: ExpansionMeter = new ExpansionBudget().series(),
  slicer = new Slicer(),
): Promise<EventValues> {
  return guardRule("rrule", async () => {
    await slicer.drive(checkEverMatches(v, tz, meter));
    return { ...v, seriesEnd: await slicer.drive(seriesEnd(v, tz, meter)) };
  });
}

/** The owner's saved time zone (null when unset), read in the caller's transaction; other features use this. */
export async function ownerTimeZone(tx: Queryable, userId: string): Promise<string | null> {
  return (await repo.ownerSettings(tx, userId))?.time_zone ?? null;
}

export class EventsService {
  constructor(
    private readonly db: Db,
    private readonly reminders: Reminders,
  ) {}

  /** The owner's zone, read in the same transaction. */
  async ownerZone(tx: Queryable, userId: string): Promise<string | null> {
    return ownerTimeZone(tx, userId);
  }

  async list(userId: string, q: EventQuery): Promise<{ items: PlannerEvent[]; nextCursor: string | null }> {
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    checkRange(from, to);
    const { rows, ownerZone } = await this.db.withUser({ userId }, async (tx) => ({
      rows: await repo.listCandidates(tx, userId, { from, to, subject: q.subject, type: q.type }),
      ownerZone: await this.ownerZone(tx, userId),
    }));
    // One-off events go through the same overlap test; the SQL was only a prefilter.
    return listEvents(rows, (row) => zoneOf(row, ownerZone), {
      from,
      to,
      completed: q.completed,
      limit: q.limit,
      cursor: q.cursor,
    });
  }

  async get(userId: string, id: string): Promise<PlannerEvent> {
    const row = await this.db.withUser({ userId }, (tx) => repo.findById(tx, userId, id));
    if (!row) throw notFound("Event");
    return toPlannerEvent(row);
  }

  async create(userId: string, input: PlannerEventCreateInput): Promise<PlannerEvent> {
    checkRule(input.rrule);
    const row = await this.db.withUser({ userId }, async (tx) => {
      await this.checkLink(tx, userId, input.linkedEventId);
      const tz = zoneOf({ time_zone: null }, await this.ownerZone(tx, userId));
      const values = await withSeriesEnd(
        {
          title: input.title,
          description: input.description ?? null,
          subject: input.subject ?? null,
          type: input.type,
          startDate: new Date(input.startDate),
          endDate: input.endDate ? new Date(input.endDate) : null,
          allDay: false,
          isCompleted: input.isCompleted ?? false,
          reminders: input.reminders ?? [],
          rrule: input.rrule ?? null,
          completedOccurrences: [],
          exdates: [],
          linkedEventId: input.linkedEventId ?? null,
          icalUid: null,
          timeZone: null,
        },
        tz,
      );
      const created = await repo.insertEvent(tx, userId, values);
      await this.reminders.schedule(tx, userId, [created], () => tz);
      return created;
    });
    return toPlannerEvent(row);
  }

  async update(userId: string, id: string, input: UpdateInput): Promise<PlannerEvent> {
    checkRule(input.rrule);
    const row = await this.db.withUser({ userId }, async (tx) => {
      const old = await repo.findForUpdate(tx, userId, id);
      if (!old) throw notFound("Event");
      if (input.linkedEventId === id) throw validation("linkedEventId", "An event cannot link to itself");
      await this.checkLink(tx, userId, input.linkedEventId);
      const tz = zoneOf(old, await this.ownerZone(tx, userId));
      const startDate = input.startDate ? new Date(input.startDate) : old.start_date;
      const endDate = input.endDate === undefined ? old.end_date : input.endDate ? new Date(input.endDate) : null;
      // The schema compares start and end only when both are sent; the stored one counts too.
      if (endDate && endDate < startDate) throw validation("endDate", "endDate must not be before startDate");
      const rrule = input.rrule === undefined ? old.rrule : input.rrule;
      // Moving the series or changing its rule invalidates which occurrences were completed.
      const seriesMoved = rrule !== old.rrule || startDate.getTime() !== old.start_date.getTime();
      const values = await withSeriesEnd(
        {
          title: input.title ?? old.title,
          description: input.description === undefined ? old.description : input.description,
          subject: input.subject === undefined ? old.subject : input.subject,
          type: input.type ?? old.type,
          startDate,
          endDate,
          allDay: old.all_day,
          isCompleted: input.isCompleted ?? old.is_completed,
          reminders: input.reminders ?? old.reminders,
          rrule,
          completedOccurrences: seriesMoved ? [] : old.completed_occurrences,
          exdates: seriesMoved ? [] : old.exdates,
          linkedEventId: input.linkedEventId === undefined ? old.linked_event_id : input.linkedEventId,
          icalUid: old.ical_uid,
          timeZone: old.time_zone,
        },
        tz,
      );
      return this.replace(tx, userId, old, values, tz);
    });
    return toPlannerEvent(row);
  }

  /** PATCH { occurrenceDate, isCompleted }: completes (or reopens) one occurrence of a series. */
  async setOccurrenceCompleted(userId: string, id: string, occurrenceDate: string, isCompleted: boolean) {
    const at = new Date(occurrenceDate);
    return this.db.withUser({ userId }, async (tx) => {
      const old = await repo.findForUpdate(tx, userId, id);
      if (!old) throw notFound("Event");
      const tz = zoneOf(old, await this.ownerZone(tx, userId));
      const occ = occurrencesOf(old, tz, { from: at, to: at }, 8).find((o) => o.start.getTime() === at.getTime());
      if (!occ) throw validation("occurrenceDate", "Not an occurrence of this event");
      if (!old.rrule) {
        const row = await this.replace(tx, userId, old, { ...valuesOf(old), isCompleted }, tz);
        return toPlannerEvent(row);
      }
      const others = old.completed_occurrences.filter((d) => d.getTime() !== at.getTime());
      const completedOccurrences = isCompleted ? [...others, at] : others;
      const row = await this.replace(tx, userId, old, { ...valuesOf(old), completedOccurrences }, tz);
      return toOccurrence(row, occ);
    });
  }

  async remove(userId: string, id: string): Promise<void> {
    await this.db.withUser({ userId }, async (tx) => {
      const old = await repo.deleteEvent(tx, userId, id);
      if (!old) throw notFound("Event");
      await this.reminders.cancel(tx, userId, old, zoneOf(old, await this.ownerZone(tx, userId)));
    });
  }

  /** Writes new values and moves the reminders with them, in the caller's transaction. */
  private async replace(tx: Queryable, userId: string, old: EventRow, values: EventValues, tz: string) {
    const row = await repo.updateEvent(tx, userId, old.id, values);
    if (!row) throw notFound("Event");
    await this.reminders.cancel(tx, userId, old, tz);
    await this.reminders.schedule(tx, userId, [row], () => tz);
    return row;
  }

  /** A link must point at one of the user's own events (another user's id reads as unknown). */
  private async checkLink(tx: Queryable, userId: string, linkedEventId: string | null | undefined) {
    if (!linkedEventId) return;
    if (!(await repo.findById(tx, userId, linkedEventId))) {
      throw new AppError("validation_error", "linkedEventId: no such event", {
        errors: [{ path: "linkedEventId", message: "No such event" }],
      });
    }
  }
}

export function valuesOf(r: EventRow): EventValues {
  return {
    title: r.title,
    description: r.description,
    subject: r.subject,
    type: r.type,
    startDate: r.start_date,
    endDate: r.end_date,
    allDay: r.all_day,
    isCompleted: r.is_completed,
    reminders: r.reminders,
    rrule: r.rrule,
    completedOccurrences: r.completed_occurrences,
    exdates: r.exdates,
    seriesEnd: r.series_end,
    linkedEventId: r.linked_event_id,
    icalUid: r.ical_uid,
    timeZone: r.time_zone,
  };
}
