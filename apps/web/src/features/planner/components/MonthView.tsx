import { countOf, type PlannerEvent } from "@lm/core";
import { Icon } from "../../../components/ui/Icon";
import { dayKey, fmtDayLong, monthGrid, sameDay, WEEKDAYS } from "../lib/dates";
import { colorOf, EventChip, eventStart } from "./EventChip";
import { ReviewsDue } from "./ReviewsDue";

interface Props {
  month: Date;
  events: PlannerEvent[];
  onOpen(e: PlannerEvent): void;
  onAdd(day: Date): void;
  /** Review cards due per local day (YYYY-MM-DD). */
  reviews?: Map<string, number>;
}

export function groupByDay(events: PlannerEvent[]): Map<string, PlannerEvent[]> {
  const map = new Map<string, PlannerEvent[]>();
  for (const e of events) {
    const k = dayKey(eventStart(e));
    map.set(k, [...(map.get(k) ?? []), e]);
  }
  for (const list of map.values()) list.sort((a, b) => eventStart(a).getTime() - eventStart(b).getTime());
  return map;
}

/** "Wednesday, December 9, 2 events, 1 exam": phones show only dots in the cell. */
function dayLabel(d: Date, list: PlannerEvent[]): string {
  const exams = list.filter((e) => e.type === "EXAM").length;
  return [fmtDayLong(d), list.length ? countOf(list.length, "event") : "", exams ? countOf(exams, "exam") : ""]
    .filter(Boolean)
    .join(", ");
}

export function MonthView({ month, events, onOpen, onAdd, reviews }: Props) {
  const days = monthGrid(month);
  const byDay = groupByDay(events);
  const today = new Date();
  return (
    <div className="overflow-hidden rounded-2xl border border-line bg-surface">
      <div
        className="grid grid-cols-7 border-b border-line bg-raised text-center text-xs font-semibold text-muted"
        aria-hidden="true"
      >
        {WEEKDAYS.map((w) => (
          <div key={w.code} className="py-2">
            {w.short}
          </div>
        ))}
      </div>
      <ol className="grid grid-cols-7" aria-label="Month">
        {days.map((d) => {
          const list = byDay.get(dayKey(d)) ?? [];
          const inMonth = d.getMonth() === month.getMonth();
          const isToday = sameDay(d, today);
          return (
            <li
              key={dayKey(d)}
              className={`group flex min-h-20 flex-col gap-0.5 border-r border-b border-line p-1 sm:min-h-28 ${inMonth ? "" : "bg-bg/60"}`}
              aria-label={dayLabel(d, list)}
            >
              <div className="flex items-center justify-between">
                <span
                  className={`inline-flex size-6 items-center justify-center rounded-full text-xs font-semibold ${isToday ? "bg-brand text-brand-fg" : inMonth ? "text-fg" : "text-muted"}`}
                >
                  {d.getDate()}
                </span>
                <button
                  type="button"
                  onClick={() => onAdd(d)}
                  className="hidden rounded p-0.5 sm:inline-flex text-muted opacity-60 group-hover:opacity-100 hover:bg-raised hover:text-fg focus-visible:opacity-100"
                  aria-label={`Add to ${fmtDayLong(d)}`}
                >
                  <Icon name="plus" className="size-3.5" />
                </button>
              </div>
              <ReviewsDue count={reviews?.get(dayKey(d))} compact />
              <div className="hidden flex-col gap-0.5 sm:flex">
                {list.slice(0, 3).map((e) => (
                  <EventChip key={`${e.id}-${e.occurrenceDate ?? ""}`} event={e} onOpen={onOpen} compact />
                ))}
                {list.length > 3 && <span className="px-1.5 text-xs text-muted">+{list.length - 3} more</span>}
              </div>
              {/* Phones: dots only; the agenda under the grid is where events are opened. */}
              <div className="flex flex-wrap gap-1 px-1 sm:hidden" aria-hidden="true">
                {list.slice(0, 4).map((e) => (
                  <span
                    key={`${e.id}-${e.occurrenceDate ?? ""}`}
                    // Exams: a ringed square, not just another dot (the day's label says so in words).
                    className={e.type === "EXAM" ? "size-2.5 rounded-[2px] ring-2 ring-danger" : "size-2 rounded-full"}
                    style={{ backgroundColor: colorOf(e) }}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
