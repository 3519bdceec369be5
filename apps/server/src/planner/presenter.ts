// Row → contract PlannerEvent, for a whole event or one occurrence of a recurring one.
import type { PlannerEvent } from "@lm/core";
import type { Occurrence } from "./domain/recurrence.js";
import type { EventRow } from "./repository.js";

export function toPlannerEvent(r: EventRow): PlannerEvent {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    subject: r.subject as PlannerEvent["subject"],
    type: r.type as PlannerEvent["type"],
    startDate: r.start_date.toISOString(),
    endDate: r.end_date?.toISOString() ?? null,
    isCompleted: r.is_completed,
    reminders: r.reminders,
    rrule: r.rrule,
    linkedEventId: r.linked_event_id,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** One occurrence of a series: its own times and its own completion state. */
export function toOccurrence(r: EventRow, occ: Occurrence): PlannerEvent {
  return {
    ...toPlannerEvent(r),
    startDate: occ.start.toISOString(),
    endDate: occ.end?.toISOString() ?? null,
    isCompleted: isOccurrenceCompleted(r, occ.start),
    occurrenceDate: occ.start.toISOString(),
  };
}

export const isOccurrenceCompleted = (r: EventRow, start: Date) =>
  r.completed_occurrences.some((d) => d.getTime() === start.getTime());
