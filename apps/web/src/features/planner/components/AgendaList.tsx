import { countOf, EVENT_TYPE_LABELS, type PlannerEvent, SUBJECT_LABELS } from "@lm/core";
import { Badge, EmptyState } from "../../../components/ui/Misc";
import { errorMessage } from "../../../lib/errors";
import { toast } from "../../../stores/toast";
import { useToggleComplete } from "../api/toggle-complete";
import { daysUntil, fmtDayLong, fmtTime } from "../lib/dates";
import { eventStart } from "./EventChip";
import { groupByDay } from "./MonthView";
import { ReviewsDue } from "./ReviewsDue";

function AgendaItem({ event, onOpen }: { event: PlannerEvent; onOpen(e: PlannerEvent): void }) {
  const toggle = useToggleComplete();
  const start = eventStart(event);
  const id = `done-${event.id}-${event.occurrenceDate ?? ""}`;
  const days = daysUntil(start);
  return (
    <li className="flex items-center gap-3 rounded-xl border border-line bg-surface px-3 py-2">
      <input
        id={id}
        type="checkbox"
        checked={event.isCompleted}
        disabled={toggle.isPending}
        onChange={() => toggle.mutate(event, { onError: (e) => toast.error(errorMessage(e)) })}
        className="size-5 shrink-0 accent-[var(--lm-brand)]"
      />
      <label htmlFor={id} className="sr-only">
        Mark “{event.title}” complete
      </label>
      <div className="min-w-0 flex-1">
        <p className={`truncate font-medium ${event.isCompleted ? "text-muted line-through" : "text-fg"}`}>
          {event.title}
        </p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <span className="tabular-nums">{fmtTime(start)}</span>
          <span>{EVENT_TYPE_LABELS[event.type]}</span>
          {event.subject && <span>{SUBJECT_LABELS[event.subject]}</span>}
          {event.rrule && <span>Repeats weekly</span>}
          {event.type === "EXAM" && !event.isCompleted && days >= 0 && (
            <Badge tone="danger">{days === 0 ? "Today" : `${countOf(days, "day")} to go`}</Badge>
          )}
        </p>
      </div>
      <button
        type="button"
        onClick={() => onOpen(event)}
        className="rounded-lg px-2 py-1 text-sm font-medium text-brand hover:bg-raised"
      >
        Edit<span className="sr-only"> “{event.title}”</span>
      </button>
    </li>
  );
}

export function AgendaList({
  events,
  onOpen,
  reviews,
}: {
  events: PlannerEvent[];
  onOpen(e: PlannerEvent): void;
  /** Review cards due per local day (YYYY-MM-DD). */
  reviews?: Map<string, number>;
}) {
  const groups = [...groupByDay(events).entries()].sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) {
    return (
      <EmptyState icon="calendar" title="Nothing planned yet">
        Add your exams, classes and study sessions, or import a calendar (.ics) from your school.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      {groups.map(([key, list]) => (
        <section key={key} aria-label={fmtDayLong(eventStart(list[0]))}>
          <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-muted">
            {fmtDayLong(eventStart(list[0]))}
            <ReviewsDue count={reviews?.get(key)} />
          </h3>
          <ul className="flex flex-col gap-2">
            {list.map((e) => (
              <AgendaItem key={`${e.id}-${e.occurrenceDate ?? ""}`} event={e} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
