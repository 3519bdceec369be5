// Which local notifications the device should hold for the user's planner events, and what to
// change to get there. Pure: the identifier encodes everything that decides the notification, so
// an edited event (new time, title, reminders) cancels the old one and schedules anew.
import { countOf, type PlannerEvent } from "@lm/core";

export interface PlannedReminder {
  identifier: string;
  eventId: string;
  fireAt: Date;
  title: string;
  body: string;
}

export interface ScheduleDiff {
  cancel: string[];
  schedule: PlannedReminder[];
}

export const REMINDER_PREFIX = "lm-reminder:";
/** iOS keeps at most 64 pending local notifications per app; stay under it. */
export const MAX_SCHEDULED = 60;

export function describeLead(minutes: number): string {
  if (minutes === 0) return "now";
  if (minutes % 1440 === 0) return `in ${countOf(minutes / 1440, "day")}`;
  if (minutes % 60 === 0) return `in ${countOf(minutes / 60, "hour")}`;
  return `in ${countOf(minutes, "minute")}`;
}

function fingerprint(text: string): string {
  // A short, stable hash (FNV-1a) so a renamed event gets a new identifier.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Reminders still ahead of `now` for events not yet completed, soonest first, capped. */
export function planReminders(events: PlannerEvent[], now: Date): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const event of events) {
    if (event.isCompleted) continue;
    const start = Date.parse(event.occurrenceDate ?? event.startDate);
    if (Number.isNaN(start)) continue;
    for (const minutes of new Set(event.reminders)) {
      const fireAt = new Date(start - minutes * 60_000);
      if (fireAt.getTime() <= now.getTime()) continue;
      planned.push({
        identifier: `${REMINDER_PREFIX}${event.id}:${start}:${minutes}:${fingerprint(event.title)}`,
        eventId: event.id,
        fireAt,
        title: event.title,
        body: `Starts ${describeLead(minutes)}`,
      });
    }
  }
  planned.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.identifier.localeCompare(b.identifier));
  return planned.slice(0, MAX_SCHEDULED);
}

/** What to cancel and schedule so that the device holds exactly `desired` (ours only: other ids are left alone). */
export function diffSchedule(desired: PlannedReminder[], scheduledIds: string[]): ScheduleDiff {
  const wanted = new Set(desired.map((r) => r.identifier));
  const existing = new Set(scheduledIds.filter((id) => id.startsWith(REMINDER_PREFIX)));
  return {
    cancel: [...existing].filter((id) => !wanted.has(id)),
    schedule: desired.filter((r) => !existing.has(r.identifier)),
  };
}
