// FSRS through ts-fsrs: a student's scheduler (desired retention, personal weights) and the
// mapping between the cards table and ts-fsrs's Card. Nothing here touches the database.
import type { CardRating, CardState } from "@lm/core";
import { type Card as FsrsCard, type FSRS, fsrs, type Grade, Rating, type ReviewLog, State } from "ts-fsrs";

export const DEFAULT_RETENTION = 0.9;

export interface SchedulerSettings {
  desiredRetention: number;
  /** FSRS-6 weights from the optimiser; null: ts-fsrs's defaults. */
  weights: number[] | null;
}

const RATING: Record<CardRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};
const STATE_NAMES: CardState[] = ["new", "learning", "review", "relearning"];

export const toGrade = (r: CardRating): Grade => RATING[r];
export const stateName = (s: number): CardState => STATE_NAMES[s] ?? "new";

// Schedulers are small but not free to build; students share a handful of settings.
const cache = new Map<string, FSRS>();

/**
 * The scheduler for these settings. Fuzz stays off (ts-fsrs's default): intervals are the model's
 * own, so a replayed history gives the same schedule on every device and in the tests.
 */
export function schedulerFor(s: SchedulerSettings): FSRS {
  const key = `${s.desiredRetention}|${s.weights?.join(",") ?? ""}`;
  let f = cache.get(key);
  if (!f) {
    f = fsrs({ request_retention: s.desiredRetention, ...(s.weights ? { w: s.weights } : {}), enable_fuzz: false });
    if (cache.size > 1000) cache.clear();
    cache.set(key, f);
  }
  return f;
}

/** The FSRS columns of a cards row. */
export interface MemoryColumns {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review: Date | null;
}

export function toFsrsCard(r: MemoryColumns): FsrsCard {
  return {
    due: r.due,
    stability: r.stability,
    difficulty: r.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5; it derives elapsed time from last_review
    scheduled_days: r.scheduled_days,
    learning_steps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state as State,
    last_review: r.last_review ?? undefined,
  };
}

export function fromFsrsCard(c: FsrsCard): MemoryColumns {
  return {
    state: c.state,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    last_review: c.last_review ?? null,
  };
}

/** The recall probability of a card at `now`: 0 for a card never reviewed. */
export function retrievability(f: FSRS, r: MemoryColumns, now: Date): number {
  if (r.state === State.New || !r.last_review) return 0;
  const p = f.get_retrievability(toFsrsCard(r), now, false);
  return Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
}

export type { FsrsCard, ReviewLog };
