// What each session of an exam plan asks the student to do, from their review cards: review the
// cards due by then (sized by how many are due), re-watch the lessons whose cards are weakest, and
// take a practice quiz the day before. Pure: the slots come from study-plan.ts, the cards from the
// caller. A student with no cards in the subject keeps the plain "Study: <exam>" sessions.

export interface PlanCard {
  id: string;
  videoId: string;
  due: Date;
  /** FSRS recall probability now (0 for a card never reviewed). */
  recall: number;
  atSecond: number | null;
}

export interface PlanLesson {
  videoId: string;
  title: string;
  /** Mean recall over the lesson's cards (0–1). */
  mastery: number;
  /** The second of the video that covers the lesson's weakest card. */
  atSecond: number | null;
}

export type ActivityKind = "REVIEW" | "REWATCH" | "QUIZ" | "STUDY";

export interface Activity {
  kind: ActivityKind;
  title: string;
  /** Where in the app the session happens: the review queue or a lesson (at a second). */
  path: string;
  videoId: string | null;
  /** REVIEW: the cards expected due by the session (at most MAX_CARD_IDS listed). */
  cardIds: string[];
  cardsDue: number;
  minutes: number;
}

export interface Slot {
  startDate: Date;
  endDate: Date;
}

/** Lessons at or above this mastery are not worth a whole re-watch session. */
const WEAK = 0.8;
/** A review of one card takes about this long (reveal, think, rate). */
const SECONDS_PER_CARD = 45;
const MIN_SESSION_MIN = 15;
const MAX_CARD_IDS = 50;
const MAX_TITLE = 200;

const clip = (s: string) => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);
const lessonPath = (videoId: string, at: number | null) => `/videos/${videoId}${at ? `?t=${Math.floor(at)}` : ""}`;

/** Lessons from their cards, weakest first. */
export function weakestLessons(cards: PlanCard[], titles: Map<string, string>): PlanLesson[] {
  const by = new Map<string, { sum: number; n: number; weakest: PlanCard }>();
  for (const c of cards) {
    const e = by.get(c.videoId);
    if (!e) by.set(c.videoId, { sum: c.recall, n: 1, weakest: c });
    else {
      e.sum += c.recall;
      e.n++;
      if (c.recall < e.weakest.recall) e.weakest = c;
    }
  }
  return [...by.entries()]
    .map(([videoId, e]) => ({
      videoId,
      title: titles.get(videoId) ?? "a lesson",
      mastery: e.sum / e.n,
      atSecond: e.weakest.atSecond,
    }))
    .sort((a, b) => a.mastery - b.mastery || a.title.localeCompare(b.title));
}

/**
 * One activity per slot (slots in time order). Each card is expected due at the first session at
 * or after its due date; a session with cards due reviews them, sized at SECONDS_PER_CARD each
 * (within the student's session length); a session with none re-watches the next weak lesson.
 * The last session before the exam is a practice quiz on the weakest lesson.
 */
export function assignActivities(
  examTitle: string,
  slots: Slot[],
  cards: PlanCard[],
  lessons: PlanLesson[],
  minutesPerSession: number,
): Activity[] {
  const study = (): Activity => ({
    kind: "STUDY",
    title: clip(`Study: ${examTitle}`),
    path: "/planner",
    videoId: null,
    cardIds: [],
    cardsDue: 0,
    minutes: minutesPerSession,
  });
  if (cards.length === 0) return slots.map(study);

  const byDue = [...cards].sort((a, b) => a.due.getTime() - b.due.getTime());
  const weak = lessons.filter((l) => l.mastery < WEAK);
  let nextCard = 0;
  let nextWeak = 0;
  return slots.map((slot, i) => {
    const last = i === slots.length - 1;
    const due: PlanCard[] = [];
    while (nextCard < byDue.length && byDue[nextCard].due <= slot.startDate) due.push(byDue[nextCard++]);
    if (last && slots.length > 1 && lessons.length > 0) {
      const l = lessons[0];
      return {
        kind: "QUIZ",
        title: clip(`Practice quiz: ${l.title}`),
        path: lessonPath(l.videoId, null),
        videoId: l.videoId,
        cardIds: due.slice(0, MAX_CARD_IDS).map((c) => c.id),
        cardsDue: due.length,
        minutes: minutesPerSession,
      };
    }
    if (due.length > 0) {
      const minutes = Math.min(
        minutesPerSession,
        Math.max(MIN_SESSION_MIN, Math.ceil((due.length * SECONDS_PER_CARD) / 60 / 5) * 5),
      );
      return {
        kind: "REVIEW",
        title: clip(`Review ${due.length} card${due.length === 1 ? "" : "s"}: ${examTitle}`),
        path: "/review",
        videoId: null,
        cardIds: due.slice(0, MAX_CARD_IDS).map((c) => c.id),
        cardsDue: due.length,
        minutes,
      };
    }
    if (weak.length > 0) {
      const l = weak[nextWeak++ % weak.length];
      return {
        kind: "REWATCH",
        title: clip(`Re-watch: ${l.title}`),
        path: lessonPath(l.videoId, l.atSecond),
        videoId: l.videoId,
        cardIds: [],
        cardsDue: 0,
        minutes: minutesPerSession,
      };
    }
    return study();
  });
}

/** The stored event's description: what to do and where, readable in any calendar app too. */
export function describe(a: Activity, appUrl: string): string {
  const link = `${appUrl.replace(/\/$/, "")}${a.path}`;
  switch (a.kind) {
    case "REVIEW":
      return `Review the ${a.cardsDue} card${a.cardsDue === 1 ? "" : "s"} expected due by now: ${link}`;
    case "REWATCH":
      return `Re-watch this lesson from the part your cards show you remember least: ${link}`;
    case "QUIZ":
      return `Take the lesson's quiz again, the day before the exam: ${link}`;
    default:
      return `Study for the exam: ${link}`;
  }
}
