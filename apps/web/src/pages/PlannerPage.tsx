import type { PlannerEvent } from "@lm/core";
import { useMemo, useState } from "react";
import { Button } from "../components/ui/Button";
import { Icon } from "../components/ui/Icon";
import { ErrorState, PageHeader, Skeleton } from "../components/ui/Misc";
import { useDueForecast } from "../features/cards/api/cards";
import { useEvents } from "../features/planner/api/get-events";
import { AgendaList } from "../features/planner/components/AgendaList";
import { CalendarFeedDialog, ImportIcsButton } from "../features/planner/components/CalendarTools";
import { EventDialog } from "../features/planner/components/EventDialog";
import { MonthView } from "../features/planner/components/MonthView";
import { StudyPlanDialog } from "../features/planner/components/StudyPlanDialog";
import { WeekView } from "../features/planner/components/WeekView";
import {
  addDays,
  addMonths,
  fmtMonth,
  monthGrid,
  startOfDay,
  startOfMonth,
  startOfWeek,
} from "../features/planner/lib/dates";
import { errorMessage } from "../lib/errors";
import { useDocumentTitle } from "../lib/hooks";

type View = "month" | "week" | "agenda";
const VIEWS: { id: View; label: string }[] = [
  { id: "month", label: "Month" },
  { id: "week", label: "Week" },
  { id: "agenda", label: "Agenda" },
];

function rangeFor(view: View, anchor: Date): [Date, Date, string] {
  if (view === "month") {
    const days = monthGrid(anchor);
    return [days[0], addDays(days[days.length - 1], 1), fmtMonth(anchor)];
  }
  if (view === "week") {
    const from = startOfWeek(anchor);
    const to = addDays(from, 7);
    const label = `${from.toLocaleDateString(undefined, { day: "numeric", month: "short" })} – ${addDays(to, -1).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" })}`;
    return [from, to, label];
  }
  const from = startOfDay(anchor);
  return [
    from,
    addDays(from, 42),
    `Next 6 weeks from ${from.toLocaleDateString(undefined, { day: "numeric", month: "short" })}`,
  ];
}

export default function PlannerPage() {
  useDocumentTitle("Planner");
  const [view, setView] = useState<View>("month");
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const [editing, setEditing] = useState<{ event: PlannerEvent | null; day?: Date } | null>(null);
  const [feedOpen, setFeedOpen] = useState(false);
  const [planOpen, setPlanOpen] = useState(false);
  const [from, to, label] = useMemo(() => rangeFor(view, anchor), [view, anchor]);
  const events = useEvents(from, to);
  const reviews = useDueForecast();

  const step = (dir: 1 | -1) =>
    setAnchor((a) =>
      view === "month" ? startOfMonth(addMonths(a, dir)) : addDays(a, dir * (view === "week" ? 7 : 42)),
    );
  const open = (event: PlannerEvent) => setEditing({ event });
  const add = (day?: Date) => setEditing({ event: null, day });

  return (
    <div>
      <PageHeader title="Planner">
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => add()}>
            <Icon name="plus" className="size-4" /> New event
          </Button>
          <Button variant="secondary" onClick={() => setPlanOpen(true)}>
            Plan for an exam
          </Button>
        </div>
      </PageHeader>

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => step(-1)}
            aria-label={`Previous ${view === "agenda" ? "period" : view}`}
          >
            <Icon name="chevronLeft" className="size-4" />
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setAnchor(startOfDay(new Date()))}>
            Today
          </Button>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => step(1)}
            aria-label={`Next ${view === "agenda" ? "period" : view}`}
          >
            <Icon name="chevronRight" className="size-4" />
          </Button>
          <h2 className="ml-2 text-lg font-semibold text-fg" aria-live="polite">
            {label}
          </h2>
        </div>
        <fieldset className="flex rounded-lg border border-line bg-surface p-1">
          <legend className="sr-only">Calendar view</legend>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              aria-pressed={view === v.id}
              onClick={() => setView(v.id)}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${view === v.id ? "bg-brand text-brand-fg" : "text-muted hover:text-fg"}`}
            >
              {v.label}
            </button>
          ))}
        </fieldset>
      </div>

      {events.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : events.isError ? (
        <ErrorState
          title="Your planner didn't load"
          message={errorMessage(events.error)}
          onRetry={() => void events.refetch()}
        />
      ) : view === "month" ? (
        <>
          <MonthView month={anchor} events={events.data} onOpen={open} onAdd={add} reviews={reviews.data} />
          <div className="mt-6 sm:hidden">
            <h2 className="mb-3 text-lg font-semibold text-fg">This month</h2>
            <AgendaList
              events={events.data.filter(
                (e) => new Date(e.occurrenceDate ?? e.startDate).getMonth() === anchor.getMonth(),
              )}
              onOpen={open}
              reviews={reviews.data}
            />
          </div>
        </>
      ) : view === "week" ? (
        <WeekView week={anchor} events={events.data} onOpen={open} onAdd={add} />
      ) : (
        <AgendaList events={events.data} onOpen={open} reviews={reviews.data} />
      )}

      <section aria-labelledby="cal-tools" className="mt-8 rounded-2xl border border-line bg-surface p-5">
        <h2 id="cal-tools" className="text-lg font-semibold text-fg">
          Your other calendars
        </h2>
        <p className="mt-1 text-sm text-muted">
          See your plan in Google or Apple Calendar, or bring in a school timetable (.ics).
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setFeedOpen(true)}>
            <Icon name="calendar" className="size-4" /> Calendar feed URL
          </Button>
          <ImportIcsButton />
        </div>
      </section>

      {editing && <EventDialog event={editing.event} day={editing.day} onClose={() => setEditing(null)} />}
      <CalendarFeedDialog open={feedOpen} onClose={() => setFeedOpen(false)} />
      {planOpen && <StudyPlanDialog open onClose={() => setPlanOpen(false)} />}
    </div>
  );
}
