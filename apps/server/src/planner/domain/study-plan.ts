// Proposes study sessions before an exam: spread evenly over each local week, inside waking
// hours, around the student's existing events, ending with a review the day before the exam.
import { DAY_MS, MINUTE_MS, toWallTime, wallToInstant } from "./tz.js";

export interface StudyPlanRequest {
  exam: { id: string; title: string; subject: string | null; startDate: Date };
  busy: Array<{ start: Date; end: Date }>;
  now: Date;
  sessionsPerWeek: number;
  minutesPerSession: number;
  timeZone: string;
  dayStartHour?: number;
  dayEndHour?: number;
}

export interface ProposedSession {
  title: string;
  subject: string | null;
  type: "STUDY_SESSION";
  startDate: Date;
  endDate: Date;
  linkedEventId: string;
  reminders: number[];
}

const SLOT = 15 * MINUTE_MS;
// Late afternoon is when most students are free after classes; slots nearest to it win.
const PREFERRED_HOUR = 17;
const REMINDERS = [15];
const MAX_TITLE = 200;

interface Day {
  /** Local midnight as wall time encoded as UTC. */
  wall: number;
  week: number;
}

interface Interval {
  start: number;
  end: number;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Candidate slots on one local day, best first: nearest to PREFERRED_HOUR, earlier on ties. */
function* slotsOn(day: Day, req: Required<StudyPlanRequest>): Generator<Interval> {
  const duration = req.minutesPerSession * MINUTE_MS;
  const first = day.wall + req.dayStartHour * 3_600_000;
  const last = day.wall + req.dayEndHour * 3_600_000 - duration;
  const preferred = day.wall + PREFERRED_HOUR * 3_600_000;
  const walls: number[] = [];
  for (let w = first; w <= last; w += SLOT) walls.push(w);
  walls.sort((a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b);
  for (const w of walls) {
    // Converted lazily: most days stop at the first or second candidate.
    const start = wallToInstant(w, req.timeZone).getTime();
    yield { start, end: start + duration };
  }
}

/** Which of `k` days each of `quota` sessions goes to, evenly spaced (several per day if quota > k). */
function spread(quota: number, k: number): number[] {
  return Array.from({ length: quota }, (_, j) => Math.floor(((j + 0.5) * k) / quota));
}

function weeklyQuota(n: number, days: number, isLastWeek: boolean): number {
  const quota = Math.min(Math.round((n * days) / 7), days * Math.ceil(n / 7));
  return isLastWeek ? Math.max(quota, 1) : quota;
}

export function proposeStudyPlan(input: StudyPlanRequest): ProposedSession[] {
  const req: Required<StudyPlanRequest> = { dayStartHour: 8, dayEndHour: 21, ...input };
  const { exam, now, timeZone } = req;
  if (!Number.isInteger(req.sessionsPerWeek) || req.sessionsPerWeek < 1) {
    throw new RangeError("sessionsPerWeek must be a whole number ≥ 1");
  }
  if (!(req.dayStartHour >= 0 && req.dayStartHour < req.dayEndHour && req.dayEndHour <= 24)) {
    throw new RangeError("dayStartHour and dayEndHour must satisfy 0 ≤ start < end ≤ 24");
  }
  if (req.minutesPerSession < 15 || req.minutesPerSession > (req.dayEndHour - req.dayStartHour) * 60) {
    throw new RangeError("minutesPerSession must be at least 15 and fit between dayStartHour and dayEndHour");
  }
  if (exam.startDate.getTime() <= now.getTime()) return [];

  const earliest = Math.ceil(now.getTime() / SLOT) * SLOT;
  const examAt = exam.startDate.getTime();
  const busy: Interval[] = req.busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
  const usable = (slot: Interval) =>
    slot.start >= earliest && slot.end <= examAt && !busy.some((b) => overlaps(b, slot));

  // Local days from today up to the day before the exam (the exam day itself only if it is today).
  const toWall = (d: Date) => {
    const w = toWallTime(d, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day);
  };
  const firstDay = toWall(now);
  const examDay = toWall(exam.startDate);
  const lastDay = examDay > firstDay ? examDay - DAY_MS : examDay;
  const days: Day[] = [];
  for (let wall = firstDay; wall <= lastDay; wall += DAY_MS) {
    // Weeks start on Monday, as in the stats.
    days.push({ wall, week: wall - ((new Date(wall).getUTCDay() + 6) % 7) * DAY_MS });
  }
  const weeks = new Map<number, Day[]>();
  for (const day of days) weeks.set(day.week, [...(weeks.get(day.week) ?? []), day]);

  const chosen: Interval[] = [];
  const perDayCap = Math.ceil(req.sessionsPerWeek / 7);
  const perDay = new Map<number, number>();
  const place = (day: Day): Interval | null => {
    if ((perDay.get(day.wall) ?? 0) >= perDayCap) return null;
    let slot: Interval | null = null;
    for (const s of slotsOn(day, req)) {
      if (usable(s) && !chosen.some((c) => overlaps(c, s))) {
        slot = s;
        break;
      }
    }
    if (!slot) return null;
    chosen.push(slot);
    perDay.set(day.wall, (perDay.get(day.wall) ?? 0) + 1);
    return slot;
  };

  const sessions: Array<Interval & { review: boolean }> = [];
  const weekList = [...weeks.values()];
  weekList.forEach((weekDays, wi) => {
    const isLast = wi === weekList.length - 1;
    const quota = weeklyQuota(req.sessionsPerWeek, weekDays.length, isLast);
    const k = weekDays.length;
    const hasReviewDay = isLast && quota > 0 && lastDay < examDay;
    // The final review goes first so that no ordinary session can take its day; the rest
    // spread over the days before it.
    const targets = hasReviewDay
      ? [{ day: k - 1, review: true }, ...spread(quota - 1, Math.max(k - 1, 1)).map((day) => ({ day, review: false }))]
      : spread(quota, k).map((day) => ({ day, review: false }));
    for (const target of targets) {
      // If the target day is full, try the other days of the week, nearest first.
      const order = weekDays
        .map((day, i) => ({ day, i, distance: Math.abs(i - target.day) }))
        .sort((a, b) => a.distance - b.distance || a.i - b.i);
      for (const { day, i } of order) {
        const slot = place(day);
        if (slot) {
          sessions.push({ ...slot, review: target.review && i === target.day });
          break;
        }
      }
    }
  });

  const label = (prefix: string) => Array.from(`${prefix}: ${exam.title}`).slice(0, MAX_TITLE).join("");
  return sessions
    .sort((a, b) => a.start - b.start)
    .map((s) => ({
      title: label(s.review ? "Final review" : "Study"),
      subject: exam.subject,
      type: "STUDY_SESSION" as const,
      startDate: new Date(s.start),
      endDate: new Date(s.end),
      linkedEventId: exam.id,
      reminders: [...REMINDERS],
    }));
}
