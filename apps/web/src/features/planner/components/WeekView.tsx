import type { PlannerEvent } from "@lm/core";
import { Icon } from "../../../components/ui/Icon";
import { dayKey, fmtDayLong, sameDay, weekDays } from "../lib/dates";
import { EventChip } from "./EventChip";
import { groupByDay } from "./MonthView";

export function WeekView({
  week,
  events,
  onOpen,
  onAdd,
}: {
  week: Date;
  events: PlannerEvent[];
  onOpen(e: PlannerEvent): void;
  onAdd(d: Date): void;
}) {
  const byDay = groupByDay(events);
  const today = new Date();
  return (
    <ol className="grid gap-3 md:grid-cols-7" aria-label="Week">
      {weekDays(week).map((d) => {
        const list = byDay.get(dayKey(d)) ?? [];
        return (
          <li
            key={dayKey(d)}
            className={`flex min-h-32 flex-col gap-1 rounded-xl border bg-surface p-2 ${sameDay(d, today) ? "border-brand" : "border-line"}`}
          >
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold text-fg">
                {d.toLocaleDateString(undefined, { weekday: "short" })} {d.getDate()}
              </h3>
              <button
                type="button"
                onClick={() => onAdd(d)}
                className="rounded p-1 text-muted hover:bg-raised hover:text-fg"
                aria-label={`Add to ${fmtDayLong(d)}`}
              >
                <Icon name="plus" className="size-4" />
              </button>
            </div>
            {list.length === 0 ? (
              <p className="text-xs text-muted">Free</p>
            ) : (
              list.map((e) => <EventChip key={`${e.id}-${e.occurrenceDate ?? ""}`} event={e} onOpen={onOpen} />)
            )}
          </li>
        );
      })}
    </ol>
  );
}
