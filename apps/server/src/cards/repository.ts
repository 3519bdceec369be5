// SQL for cards, the review log, settings and quiz answers. Every call runs inside db.withUser, so
// RLS keeps each statement to the caller's rows; the user_id filters are a second lock (and let the
// (user_id, due) index serve the due queue).
import type { DueCounts } from "@lm/core";
import { one, type Queryable } from "../db/index.js";
import type { CardDraft } from "./lesson-cards.js";
import { DEFAULT_RETENTION, type MemoryColumns, type SchedulerSettings } from "./scheduler.js";

export interface CardRow extends MemoryColumns {
  id: string;
  user_id: string;
  video_id: string;
  video_title: string | null;
  kind: "KEY_POINT" | "QUIZ";
  item_index: number;
  origin: "LESSON" | "MISSED_QUIZ";
  front: string;
  back: string;
  at_second: number | null;
  created_at: Date;
}

// A lesson that has since gone private or been removed still leaves the student's cards reviewable.
const CARD_SELECT = `c.id, c.user_id, c.video_id, v.title as video_title, c.kind, c.item_index, c.origin, c.front,
  c.back, c.at_second, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps, c.reps,
  c.lapses, c.last_review, c.created_at`;
const CARD_FROM = "public.cards c left join public.videos v on v.id = c.video_id";

export async function settings(q: Queryable, userId: string): Promise<StoredSettings> {
  const row = await one<{
    desired_retention: number;
    weights: number[] | null;
    optimized_at: Date | null;
    optimized_reviews: number | null;
  }>(
    q,
    "select desired_retention, weights, optimized_at, optimized_reviews from public.card_settings where user_id = $1",
    [userId],
  );
  return {
    desiredRetention: row?.desired_retention ?? DEFAULT_RETENTION,
    weights: row?.weights ?? null,
    optimizedAt: row?.optimized_at?.toISOString() ?? null,
    optimizedReviews: row?.optimized_reviews ?? null,
  };
}

/** The scheduler settings plus what the optimiser last did. */
export interface StoredSettings extends SchedulerSettings {
  optimizedAt: string | null;
  optimizedReviews: number | null;
}

/** Saves retention and weights set by hand: weights not from the optimiser forget its last fit. */
export async function saveSettings(q: Queryable, userId: string, s: SchedulerSettings, keepFit: boolean) {
  await q.query(
    `insert into public.card_settings (user_id, desired_retention, weights) values ($1, $2, $3)
     on conflict (user_id) do update set desired_retention = excluded.desired_retention,
       weights = excluded.weights, updated_at = now(),
       optimized_at = case when $4 then card_settings.optimized_at end,
       optimized_reviews = case when $4 then card_settings.optimized_reviews end`,
    [userId, s.desiredRetention, s.weights, keepFit],
  );
}

/** Stores the optimiser's weights, keeping the student's desired retention. */
export async function saveFit(q: Queryable, userId: string, weights: number[], reviews: number, at: Date) {
  await q.query(
    `insert into public.card_settings (user_id, weights, optimized_at, optimized_reviews) values ($1, $2, $3, $4)
     on conflict (user_id) do update set weights = excluded.weights, optimized_at = excluded.optimized_at,
       optimized_reviews = excluded.optimized_reviews, updated_at = now()`,
    [userId, weights, at, reviews],
  );
}

/**
 * Students due an automatic fit, most new reviews first: at least `minReviews` in all, and either never
 * fitted or with new reviews since the last fit of at least `growth` × the reviews that fit read.
 * Weights set by hand (no optimized_at) are left alone, as are students refused since `refusedBefore`.
 * One grouped pass over the log: run by the nightly job, not on a request.
 */
export async function autoFitCandidates(
  q: Queryable,
  opts: { minReviews: number; growth: number; refusedBefore: Date; limit: number },
): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `select l.user_id
       from public.review_log l
       left join public.card_settings s on s.user_id = l.user_id
      where (s.weights is null or s.optimized_at is not null)
        and (s.auto_fit_refused_at is null or s.auto_fit_refused_at < $3)
      group by l.user_id, s.optimized_at, s.optimized_reviews
     having count(*) >= $1
        and (s.optimized_at is null
             or count(*) filter (where l.reviewed_at > s.optimized_at) >= ceil($2::float8 * coalesce(s.optimized_reviews, 0)))
      order by count(*) filter (where s.optimized_at is null or l.reviewed_at > s.optimized_at) desc, l.user_id
      limit $4`,
    [opts.minReviews, opts.growth, opts.refusedBefore, opts.limit],
  );
  return rows.map((r) => r.user_id);
}

/** The optimiser refused this student's log: the automatic fit leaves them alone for a while. */
export async function markAutoFitRefused(q: Queryable, userId: string, at: Date) {
  await q.query(
    `insert into public.card_settings (user_id, auto_fit_refused_at) values ($1, $2)
     on conflict (user_id) do update set auto_fit_refused_at = excluded.auto_fit_refused_at`,
    [userId, at],
  );
}

export async function reviewCount(q: Queryable, userId: string): Promise<number> {
  const row = await one<{ n: number }>(q, "select count(*)::int as n from public.review_log where user_id = $1", [
    userId,
  ]);
  return row?.n ?? 0;
}

/**
 * Up to `limit` reviews for the optimiser, card by card in time order (review_log_user_card), each with
 * the student's local day number: days start at 4 AM in `timeZone` (Anki's and fsrs-rs's convention),
 * so a late-night session counts on the day it began. The bound may cut the last card's history short,
 * which is still a true history of that card.
 */
export function optimizerLog(q: Queryable, userId: string, timeZone: string, limit: number) {
  return q.query<{ card_id: string; rating: number; day: number }>(
    `select card_id, rating,
            (((reviewed_at at time zone $2) - interval '4 hours')::date - date '1970-01-01')::int as day
       from public.review_log where user_id = $1
      order by card_id, reviewed_at, created_at limit $3`,
    [userId, timeZone, limit],
  );
}

export interface LessonRow {
  id: string;
  title: string;
  status: string;
  key_points: string[];
  timestamps: number[];
  quiz: import("@lm/core").QuizQuestion[];
}

/** The lesson as the caller sees it (RLS: public, or the caller's own). */
export function lesson(q: Queryable, videoId: string) {
  return one<LessonRow>(q, "select id, title, status, key_points, timestamps, quiz from public.videos where id = $1", [
    videoId,
  ]);
}

/** Adds the drafts the deck lacks; returns how many were new. */
export async function addCards(
  q: Queryable,
  userId: string,
  videoId: string,
  drafts: CardDraft[],
  origin: "LESSON" | "MISSED_QUIZ",
  now: Date,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const rows = await q.query(
    `insert into public.cards (user_id, video_id, kind, item_index, origin, front, back, at_second, due, created_at)
     select $1, $2, d.kind, d.item_index, $3, d.front, d.back, d.at_second, $4, $4
       from unnest($5::text[], $6::int[], $7::text[], $8::text[], $9::int[])
            as d(kind, item_index, front, back, at_second)
     on conflict (user_id, video_id, kind, item_index) do nothing
     returning id`,
    [
      userId,
      videoId,
      origin,
      now,
      drafts.map((d) => d.kind),
      drafts.map((d) => d.itemIndex),
      drafts.map((d) => d.front),
      drafts.map((d) => d.back),
      drafts.map((d) => d.atSecond),
    ],
  );
  return rows.length;
}

export function lessonCardsOf(q: Queryable, userId: string, videoId: string) {
  return q.query<CardRow>(
    `select ${CARD_SELECT} from ${CARD_FROM} where c.user_id = $1 and c.video_id = $2 order by c.kind, c.item_index`,
    [userId, videoId],
  );
}

export function cardById(q: Queryable, userId: string, id: string, lock = false) {
  return one<CardRow>(
    q,
    `select ${CARD_SELECT} from ${CARD_FROM} where c.id = $1 and c.user_id = $2${lock ? " for update of c" : ""}`,
    [id, userId],
  );
}

export function cardByItem(q: Queryable, userId: string, videoId: string, kind: string, index: number) {
  return one<CardRow>(
    q,
    `select ${CARD_SELECT} from ${CARD_FROM}
      where c.user_id = $1 and c.video_id = $2 and c.kind = $3 and c.item_index = $4`,
    [userId, videoId, kind, index],
  );
}

/** Due at `now`, most overdue first. */
export function dueCards(q: Queryable, userId: string, now: Date, limit: number) {
  return q.query<CardRow>(
    `select ${CARD_SELECT} from ${CARD_FROM} where c.user_id = $1 and c.due <= $2 order by c.due, c.id limit $3`,
    [userId, now, limit],
  );
}

export async function counts(q: Queryable, userId: string, now: Date): Promise<DueCounts> {
  const row = await one<Omit<DueCounts, "nextDueAt"> & { next_due: Date | null }>(
    q,
    `select count(*) filter (where due <= $2)::int as due,
            count(*) filter (where due <= $2 - interval '1 day')::int as overdue,
            count(*) filter (where state = 0)::int as new,
            count(*)::int as total,
            min(due) filter (where due > $2) as next_due
       from public.cards where user_id = $1`,
    [userId, now],
  );
  if (!row) return { due: 0, overdue: 0, new: 0, total: 0, nextDueAt: null };
  const { next_due, ...c } = row;
  return { ...c, nextDueAt: next_due?.toISOString() ?? null };
}

export async function saveMemory(q: Queryable, id: string, m: MemoryColumns) {
  await q.query(
    `update public.cards set state = $2, due = $3, stability = $4, difficulty = $5, scheduled_days = $6,
       learning_steps = $7, reps = $8, lapses = $9, last_review = $10 where id = $1`,
    [
      id,
      m.state,
      m.due,
      m.stability,
      m.difficulty,
      m.scheduled_days,
      m.learning_steps,
      m.reps,
      m.lapses,
      m.last_review,
    ],
  );
}

export interface LogRow {
  card_id: string;
  rating: number;
  reviewed_at: Date;
}

export function reviewByClientId(q: Queryable, userId: string, clientId: string) {
  return one<{ card_id: string }>(q, "select card_id from public.review_log where user_id = $1 and client_id = $2", [
    userId,
    clientId,
  ]);
}

export function reviewsOf(q: Queryable, cardId: string) {
  return q.query<LogRow>(
    "select card_id, rating, reviewed_at from public.review_log where card_id = $1 order by reviewed_at, created_at",
    [cardId],
  );
}

export interface LogValues {
  rating: number;
  state: number;
  reviewedAt: Date;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  due: Date;
  stability: number;
  difficulty: number;
}

export async function insertReview(q: Queryable, userId: string, cardId: string, clientId: string, v: LogValues) {
  await q.query(
    `insert into public.review_log (user_id, card_id, client_id, rating, state, reviewed_at, elapsed_days,
       last_elapsed_days, scheduled_days, learning_steps, due, stability, difficulty)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      userId,
      cardId,
      clientId,
      v.rating,
      v.state,
      v.reviewedAt,
      v.elapsedDays,
      v.lastElapsedDays,
      v.scheduledDays,
      v.learningSteps,
      v.due,
      v.stability,
      v.difficulty,
    ],
  );
}

export function quizAnswerByClientId(q: Queryable, userId: string, clientId: string) {
  return one<{ video_id: string; question_index: number; choice_index: number; correct: boolean }>(
    q,
    "select video_id, question_index, choice_index, correct from public.quiz_answers where user_id = $1 and client_id = $2",
    [userId, clientId],
  );
}

export async function insertQuizAnswer(
  q: Queryable,
  userId: string,
  v: { videoId: string; clientId: string; questionIndex: number; choiceIndex: number; correct: boolean; at: Date },
) {
  await q.query(
    `insert into public.quiz_answers (user_id, video_id, client_id, question_index, choice_index, correct, answered_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [userId, v.videoId, v.clientId, v.questionIndex, v.choiceIndex, v.correct, v.at],
  );
}

/** Every card with its lesson's subject, for mastery. */
export function deckForMastery(q: Queryable, userId: string) {
  return q.query<CardRow & { subject: string | null }>(
    `select ${CARD_SELECT}, v.subject from ${CARD_FROM} where c.user_id = $1`,
    [userId],
  );
}

/** The cards of lessons in `subject` (all when null) that the student can still see, due soonest first. */
export function deckForPlan(q: Queryable, userId: string, subject: string | null, limit: number) {
  return q.query<CardRow>(
    `select ${CARD_SELECT} from ${CARD_FROM}
      where c.user_id = $1 and v.id is not null and ($2::text is null or v.subject = $2)
      order by c.due, c.id limit $3`,
    [userId, subject, limit],
  );
}

/** Per lesson: quiz answers given and how many were right. */
export function quizTotals(q: Queryable, userId: string) {
  return q.query<{ video_id: string; title: string | null; subject: string | null; answered: number; correct: number }>(
    `select a.video_id, v.title, v.subject, count(*)::int as answered, count(*) filter (where a.correct)::int as correct
       from public.quiz_answers a left join public.videos v on v.id = a.video_id
      where a.user_id = $1 group by a.video_id, v.title, v.subject`,
    [userId],
  );
}

/**
 * Sends a student's counts after their deck changed on `user:<id>` as `cards.counts`, so every open
 * device updates its badge. Called after the change committed, on the owner's connection: lm_emit is
 * not the students' to call (0015), and the counts are the service's (its clock, as in the HTTP answer),
 * which is why no trigger sends them. Losing one is harmless: the next change or a refetch corrects it.
 */
export async function publishCounts(q: Queryable, userId: string, c: DueCounts): Promise<void> {
  await q.query("select public.lm_emit('user:' || $1::text, 'cards.counts', $2::jsonb)", [userId, JSON.stringify(c)]);
}
