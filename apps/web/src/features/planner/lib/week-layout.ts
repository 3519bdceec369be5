// Where a week's events go on the time grid: all-day and multi-day items in a row on top, the
// rest placed by start time and sized by length, side by side when they overlap.
import type { PlannerEvent } from "@lm/core";
import { addDays, DAY_MS, dayKey, startOfDay } from "./dates";

/** Without an end, an event is drawn an hour long. */
const DEFAULT_MINUTES = 60;
/** Short events still get room for a line of title. */
const MIN_MINUTES = 30;

const startOf = (e: PlannerEvent) => new Date(e.occurrenceDate ?? e.startDate);

/** The end used for drawing: occurrences keep their series' length. */
export function endOf(e: PlannerEvent): Date {
  const start = startOf(e);
  if (!e.endDate) return new Date(start.getTime() + DEFAULT_MINUTES * 60_000);
  const length = Date.parse(e.endDate) - Date.parse(e.startDate);
  return new Date(start.getTime() + Math.max(0, length));
}

/**
 * All-day or spanning days: starts at midnight and lasts a day or more, or ends on a later day.
 * (The API has no all-day flag; imported all-day entries arrive as midnight to midnight.)
 */
export function isAllDay(e: PlannerEvent): boolean {
  const start = startOf(e);
  const end = endOf(e);
  const midnight = start.getTime() === startOfDay(start).getTime();
  if (midnight && e.endDate && end.getTime() - start.getTime() >= DAY_MS) return true;
  return dayKey(start) !== dayKey(new Date(end.getTime() - 1));
}

export interface AllDayBar {
  event: PlannerEvent;
  /** 1-based column of the first day shown, and how many days the bar covers in this week. */
  column: number;
  span: number;
}

/** The all-day row: one bar per item, cut to the week's seven days. */
export function allDayBars(days: Date[], events: PlannerEvent[]): AllDayBar[] {
  const keys = days.map(dayKey);
  const bars: AllDayBar[] = [];
  for (const event of events.filter(isAllDay)) {
    const first = startOfDay(startOf(event));
    const last = startOfDay(new Date(endOf(event).getTime() - 1));
    const covered = keys.filter((_, i) => days[i] >= first && days[i] <= last);
    if (covered.length === 0) continue;
    bars.push({ event, column: keys.indexOf(covered[0]) + 1, span: covered.length });
  }
  return bars.sort((a, b) => a.column - b.column || b.span - a.span);
}

export interface TimedBlock {
  event: PlannerEvent;
  /** Minutes from midnight, and length in minutes (at least MIN_MINUTES). */
  startMin: number;
  minutes: number;
  /** Which of `lanes` side-by-side columns the block takes, when events overlap. */
  lane: number;
  lanes: number;
}

/** One day's timed events, in lanes so that overlapping events sit side by side. */
export function timedBlocks(day: Date, events: PlannerEvent[]): TimedBlock[] {
  const key = dayKey(day);
  const mine = events
    .filter((e) => !isAllDay(e) && dayKey(startOf(e)) === key)
    .sort((a, b) => startOf(a).getTime() - startOf(b).getTime());
  const blocks: TimedBlock[] = [];
  const laneEnds: number[] = [];
  let group: TimedBlock[] = [];
  let groupEnd = -1;
  for (const event of mine) {
    const start = startOf(event);
    const startMin = start.getHours() * 60 + start.getMinutes();
    const dayEnd = addDays(startOfDay(start), 1).getTime();
    const minutes = Math.max(MIN_MINUTES, (Math.min(endOf(event).getTime(), dayEnd) - start.getTime()) / 60_000);
    // A new overlap group starts when nothing before is still running.
    if (startMin >= groupEnd) {
      for (const b of group) b.lanes = laneEnds.length;
      group = [];
      laneEnds.length = 0;
    }
    let lane = laneEnds.findIndex((end) => end <= startMin);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = startMin + minutes;
    groupEnd = Math.max(groupEnd, startMin + minutes);
    const block = { event, startMin, minutes, lane, lanes: 1 };
    group.push(block);
    blocks.push(block);
  }
  for (const b of group) b.lanes = laneEnds.length;
  return blocks;
}

/** The hours the grid shows: 07:00–22:00, widened to fit the week's earliest and latest events. */
export function hourRange(blocks: TimedBlock[]): [number, number] {
  let first = 7;
  let last = 22;
  for (const b of blocks) {
    first = Math.min(first, Math.floor(b.startMin / 60));
    last = Math.max(last, Math.min(24, Math.ceil((b.startMin + b.minutes) / 60)));
  }
  return [first, last];
}
