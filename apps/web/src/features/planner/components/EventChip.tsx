import { type PlannerEvent, SUBJECT_COLORS } from "@lm/core";
import { fmtTime } from "../lib/dates";
import { EVENT_TYPE_LABELS } from "./EventDialog";

export const eventStart = (e: PlannerEvent) => new Date(e.occurrenceDate ?? e.startDate);
export const colorOf = (e: PlannerEvent) =>
  e.subject ? SUBJECT_COLORS[e.subject] : e.type === "EXAM" ? "#B91C1C" : "#64748B";

/** A compact event button for the month and week grids. */
export function EventChip({
  event,
  onOpen,
  compact = false,
}: {
  event: PlannerEvent;
  onOpen(e: PlannerEvent): void;
  compact?: boolean;
}) {
  const start = eventStart(event);
  return (
    <button
      type="button"
      onClick={() => onOpen(event)}
      className={`flex w-full min-w-0 items-center gap-1.5 rounded-md px-1.5 py-0.5 text-left text-xs hover:bg-raised ${event.isCompleted ? "text-muted line-through" : "text-fg"}`}
      aria-label={`${event.title}, ${EVENT_TYPE_LABELS[event.type]} at ${fmtTime(start)}${event.isCompleted ? ", completed" : ""}. Edit`}
    >
      <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: colorOf(event) }} />
      {!compact && <span className="shrink-0 text-muted tabular-nums">{fmtTime(start)}</span>}
      <span className="truncate">{event.title}</span>
    </button>
  );
}
