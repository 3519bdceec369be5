import { EVENT_TYPE_LABELS, type PlannerEvent, SUBJECT_COLORS } from "@lm/core";
import { fmtTime } from "../lib/dates";

export const eventStart = (e: PlannerEvent) => new Date(e.occurrenceDate ?? e.startDate);
export const colorOf = (e: PlannerEvent) =>
  e.subject ? SUBJECT_COLORS[e.subject] : e.type === "EXAM" ? "#B91C1C" : "#64748B";

/** "Exam" in words on a tinted tag, so an exam never differs from a study session by colour alone. */
export function ExamTag() {
  return <span className="shrink-0 rounded bg-danger px-1 text-[0.65rem] font-bold text-bg uppercase">Exam</span>;
}

/** A compact event button for the month grid and the phones' week list. */
export function EventChip({
  event,
  onOpen,
  compact = false,
  allDay = false,
}: {
  event: PlannerEvent;
  onOpen(e: PlannerEvent): void;
  compact?: boolean;
  /** Says "All day" where the start time would be (multi-day items on each day they cover). */
  allDay?: boolean;
}) {
  const when = allDay ? "All day" : fmtTime(eventStart(event));
  const exam = event.type === "EXAM";
  return (
    <button
      type="button"
      onClick={() => onOpen(event)}
      className={`flex w-full min-w-0 items-center gap-1.5 rounded-md px-1.5 py-0.5 text-left text-xs hover:bg-raised ${exam ? "bg-danger/10 font-semibold ring-1 ring-danger/40" : ""} ${event.isCompleted ? "text-muted line-through" : "text-fg"}`}
      aria-label={`${event.title}, ${EVENT_TYPE_LABELS[event.type]}${allDay ? ", all day" : ` at ${when}`}${event.isCompleted ? ", completed" : ""}. Edit`}
    >
      {exam ? (
        <ExamTag />
      ) : (
        <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ backgroundColor: colorOf(event) }} />
      )}
      {!compact && <span className="shrink-0 text-muted tabular-nums">{when}</span>}
      <span className={compact ? "truncate" : "min-w-0 break-words"}>{event.title}</span>
    </button>
  );
}
