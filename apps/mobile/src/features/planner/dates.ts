// Calendar arithmetic for the planner in the device's local time zone (agenda days, week view, form fields).
// The day arithmetic the web planner shares (startOfDay, addDays, startOfWeek, dayKey) lives in core.
import { addDays, dayKey, type PlannerEvent, startOfDay, startOfWeek } from "@lm/core";

export { addDays, dayKey, startOfDay, startOfWeek } from "@lm/core";

const pad = (n: number) => String(n).padStart(2, "0");

export const eventStart = (e: PlannerEvent) => new Date(e.occurrenceDate ?? e.startDate);

export interface DayGroup {
  key: string;
  date: Date;
  events: PlannerEvent[];
}

/** Events grouped by local day, days in order, events by start time. */
export function groupByDay(events: PlannerEvent[]): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  const sorted = [...events].sort((a, b) => eventStart(a).getTime() - eventStart(b).getTime());
  for (const event of sorted) {
    const start = eventStart(event);
    const key = dayKey(start);
    const group = groups.get(key) ?? { key, date: startOfDay(start), events: [] };
    group.events.push(event);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The seven days of the week holding `anchor`, each with its events (empty days included). */
export function weekOf(anchor: Date, events: PlannerEvent[]): DayGroup[] {
  const byDay = new Map(groupByDay(events).map((g) => [g.key, g.events]));
  const monday = startOfWeek(anchor);
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    return { key: dayKey(date), date, events: byDay.get(dayKey(date)) ?? [] };
  });
}

/** Form fields (local date and time) for an ISO timestamp. */
export function toFields(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: dayKey(d), time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** ISO timestamp for local "YYYY-MM-DD" and "HH:MM", or null when either is not a real date/time. */
export function fromFields(date: string, time: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const tm = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!dm || !tm) return null;
  const [y, mo, d, h, mi] = [+dm[1], +dm[2], +dm[3], +tm[1], +tm[2]];
  const value = new Date(y, mo - 1, d, h, mi);
  if (value.getFullYear() !== y || value.getMonth() !== mo - 1 || value.getDate() !== d || h > 23 || mi > 59)
    return null;
  return value.toISOString();
}

export function formatDay(date: Date, today = new Date()): string {
  const diff = Math.round((startOfDay(date).getTime() - startOfDay(today).getTime()) / 86_400_000);
  if (diff === 0) return "Today";
  if (diff === 1) return "Tomorrow";
  if (diff === -1) return "Yesterday";
  return date.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" });
}

export function formatTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
