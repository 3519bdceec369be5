// A student's review history made directly in the database, for the FSRS optimiser's tests: cards of
// one lesson and a log simulated with ts-fsrs (what is under test is the fit, not adding or reviewing).
import { createEmptyCard, fsrs, type Grade, Rating } from "ts-fsrs";
import type { Queryable } from "../../src/db/index.js";

const DAY = 86_400_000;

export interface LogEntry {
  cardId: string;
  rating: Grade;
  at: Date;
}

/** `n` cards of a new lesson of the student's, created at `createdAt`. */
export async function insertCards(db: Queryable, userId: string, n: number, createdAt: Date): Promise<string[]> {
  const [video] = await db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, key_points, timestamps, quiz)
     values ('Cells', 'BIOLOGY', 'BEGINNER', 'Cells', $1, 'PUBLIC', 'PUBLIC', $2, $3, '[]') returning id`,
    [userId, ["The nucleus holds the DNA"], [3]],
  );
  const rows = await db.query<{ id: string }>(
    `insert into public.cards (user_id, video_id, kind, item_index, front, back, due, created_at)
     select $1, $2, 'KEY_POINT', i, 'front ' || i, 'back ' || i, $3, $3 from generate_series(0, $4 - 1) i
     returning id`,
    [userId, video.id, createdAt, n],
  );
  return rows.map((r) => r.id);
}

/**
 * Each card reviewed when due (sometimes a day late), remembered with the probability FSRS predicts
 * scaled down. Deterministic (a fixed linear congruential generator).
 */
export function simulate(cardIds: string[], start: Date, reviewsPerCard: number): LogEntry[] {
  const f = fsrs({ enable_fuzz: false });
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const log: LogEntry[] = [];
  cardIds.forEach((cardId, c) => {
    let card = createEmptyCard(new Date(start.getTime() + (c % 30) * DAY));
    for (let i = 0; i < reviewsPerCard; i++) {
      const at = i === 0 ? card.due : new Date(card.due.getTime() + Math.floor(rnd() * 2) * DAY);
      const recalled = i === 0 || rnd() < f.get_retrievability(card, at, false) * 0.85;
      const rating = !recalled ? Rating.Again : rnd() < 0.15 ? Rating.Hard : rnd() < 0.9 ? Rating.Good : Rating.Easy;
      log.push({ cardId, rating, at });
      card = f.next(card, at, rating).card;
    }
  });
  return log;
}

export async function insertLog(db: Queryable, userId: string, log: LogEntry[]) {
  await db.query(
    `insert into public.review_log (user_id, card_id, client_id, rating, state, reviewed_at, elapsed_days, due,
       stability, difficulty)
     select $1, l.card_id, gen_random_uuid(), l.rating, 2, l.at, 0, l.at, 1, 5
       from unnest($2::uuid[], $3::int[], $4::timestamptz[]) as l(card_id, rating, at)`,
    [userId, log.map((l) => l.cardId), log.map((l) => l.rating), log.map((l) => l.at)],
  );
}

/** A history of `cards` × `perCard` reviews starting at `start`. */
export async function insertHistory(db: Queryable, userId: string, cards: number, perCard: number, start: Date) {
  await insertLog(db, userId, simulate(await insertCards(db, userId, cards, start), start, perCard));
}
