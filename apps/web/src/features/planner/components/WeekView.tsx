// The week: on wider screens a time grid (hours down, days across, all-day and multi-day items
// in a row on top); on phones the days one under another.
import { EVENT_TYPE_LABELS, type PlannerEvent } from "@lm/core";
import { Icon } from "../../../components/ui/Icon";
import { dayKey, fmtDayLong, fmtTime, sameDay, weekDays } from "../lib/dates";
import { allDayBars, endOf, hourRange, isAllDay, type TimedBlock, timedBlocks } from "../lib/week-layout";
import { colorOf, EventChip, ExamTag, eventStart } from "./EventChip";
import { groupByDay } from "./MonthView";

const HOUR_PX = 48;
const COLUMNS = "grid grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]";

interface Props {
  week: Date;
  events: PlannerEvent[];
  onOpen(e: PlannerEvent): void;
  onAdd(d: Date): void;
}

const keyOf = (e: PlannerEvent) => `${e.id}-${e.occurrenceDate ?? ""}`;
const label = (e: PlannerEvent, when: string) =>
  `${e.title}, ${EVENT_TYPE_LABELS[e.type]}, ${when}${e.isCompleted ? ", completed" : ""}. Edit`;

function AddButton({ day, onAdd }: { day: Date; onAdd(d: Date): void }) {
  return (
    <button
      type="button"
      onClick={() => onAdd(day)}
      className="rounded p-1 text-muted hover:bg-raised hover:text-fg"
      aria-label={`Add to ${fmtDayLong(day)}`}
    >
      <Icon name="plus" className="size-4" />
    </button>
  );
}

function Block({ block, first, onOpen }: { block: TimedBlock; first: number; onOpen(e: PlannerEvent): void }) {
  const { event } = block;
  const exam = event.type === "EXAM";
  const when = `${fmtTime(eventStart(event))} – ${fmtTime(endOf(event))}`;
  const width = 100 / block.lanes;
  return (
    <button
      type="button"
      onClick={() => onOpen(event)}
      aria-label={label(event, when)}
      title={`${event.title} (${when})`}
      className={`absolute flex flex-col items-start gap-0.5 overflow-hidden rounded-md border-l-4 px-1.5 py-1 text-left text-xs hover:brightness-95 ${exam ? "bg-danger/15 ring-1 ring-danger/50" : "bg-raised"} ${event.isCompleted ? "text-muted line-through" : "text-fg"}`}
      style={{
        top: `${((block.startMin - first * 60) / 60) * HOUR_PX}px`,
        height: `${(block.minutes / 60) * HOUR_PX}px`,
        left: `calc(${block.lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        borderLeftColor: colorOf(event),
      }}
    >
      {exam && <ExamTag />}
      <span className="font-semibold [overflow-wrap:anywhere]">{event.title}</span>
      <span className="text-muted tabular-nums">{when}</span>
    </button>
  );
}

function TimeGrid({ days, events, onOpen, onAdd }: Props & { days: Date[] }) {
  const today = new Date();
  const bars = allDayBars(days, events);
  const columns = days.map((d) => ({ day: d, blocks: timedBlocks(d, events) }));
  const [first, last] = hourRange(columns.flatMap((c) => c.blocks));
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  return (
    <div className="overflow-hidden rounded-2xl border border-line bg-surface">
      <div className={`${COLUMNS} border-b border-line bg-raised`}>
        <span />
        {days.map((d) => (
          <div
            key={dayKey(d)}
            className={`flex items-center justify-between border-l border-line px-2 py-1.5 text-sm font-semibold ${sameDay(d, today) ? "text-brand" : "text-fg"}`}
          >
            <span>
              {d.toLocaleDateString(undefined, { weekday: "short" })} {d.getDate()}
            </span>
            <AddButton day={d} onAdd={onAdd} />
          </div>
        ))}
      </div>
      {bars.length > 0 && (
        <div className={`${COLUMNS} border-b border-line`}>
          <span className="px-1 py-1.5 text-right text-xs text-muted">All day</span>
          {/* biome-ignore lint/a11y/useSemanticElements: a labelled row of buttons, not a form fieldset */}
          <div role="group" aria-label="All day and multi-day" className="col-span-7 grid grid-cols-7 gap-1 p-1">
            {bars.map(({ event, column, span }) => (
              <div key={keyOf(event)} style={{ gridColumn: `${column} / span ${span}` }}>
                <button
                  type="button"
                  onClick={() => onOpen(event)}
                  aria-label={label(event, "all day")}
                  className={`flex w-full items-center gap-1.5 rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs font-medium hover:brightness-95 ${event.type === "EXAM" ? "bg-danger/15" : "bg-raised"} ${event.isCompleted ? "text-muted line-through" : "text-fg"}`}
                  style={{ borderLeftColor: colorOf(event) }}
                >
                  {event.type === "EXAM" && <ExamTag />}
                  <span className="break-words">{event.title}</span>
                </button>
              </div>
            ))}
          </div>
        </div>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled region of the grid, not a form fieldset */}
      <div role="group" aria-label="Week by hour" className={`${COLUMNS} relative`}>
        <div aria-hidden="true">
          {hours.map((h) => (
            <div key={h} className="pr-1 text-right text-xs text-muted tabular-nums" style={{ height: HOUR_PX }}>
              {new Date(2000, 0, 1, h).toLocaleTimeString(undefined, { hour: "numeric" })}
            </div>
          ))}
        </div>
        {columns.map(({ day, blocks }) => (
          <section
            key={dayKey(day)}
            data-day={dayKey(day)}
            aria-label={fmtDayLong(day)}
            className={`relative border-l border-line ${sameDay(day, today) ? "bg-brand-soft/40" : ""}`}
            style={{
              height: hours.length * HOUR_PX,
              // One faint line per hour, drawn by the column's own background.
              backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${HOUR_PX - 1}px, var(--lm-line) ${HOUR_PX - 1}px ${HOUR_PX}px)`,
            }}
          >
            {blocks.map((b) => (
              <Block key={keyOf(b.event)} block={b} first={first} onOpen={onOpen} />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

function DayList({ days, events, onOpen, onAdd }: Props & { days: Date[] }) {
  const byDay = groupByDay(events.filter((e) => !isAllDay(e)));
  const bars = allDayBars(days, events);
  const today = new Date();
  return (
    <ol className="flex flex-col gap-3" aria-label="Week by day">
      {days.map((d, i) => {
        const allDay = bars.filter((b) => i + 1 >= b.column && i + 1 < b.column + b.span).map((b) => b.event);
        const timed = byDay.get(dayKey(d)) ?? [];
        return (
          <li
            key={dayKey(d)}
            aria-label={fmtDayLong(d)}
            className={`rounded-xl border bg-surface p-2 ${sameDay(d, today) ? "border-brand" : "border-line"}`}
          >
            <div className="flex items-center justify-between">
              <h3 className="text-sm font-semibold text-fg">{fmtDayLong(d)}</h3>
              <AddButton day={d} onAdd={onAdd} />
            </div>
            {allDay.length + timed.length === 0 ? (
              <p className="px-1.5 text-xs text-muted">Nothing planned</p>
            ) : (
              <div className="flex flex-col gap-1">
                {allDay.map((e) => (
                  <EventChip key={keyOf(e)} event={e} onOpen={onOpen} allDay />
                ))}
                {timed.map((e) => (
                  <EventChip key={keyOf(e)} event={e} onOpen={onOpen} />
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function WeekView(props: Props) {
  const days = weekDays(props.week);
  return (
    <>
      <div className="hidden md:block">
        <TimeGrid {...props} days={days} />
      </div>
      <div className="md:hidden">
        <DayList {...props} days={days} />
      </div>
    </>
  );
}
