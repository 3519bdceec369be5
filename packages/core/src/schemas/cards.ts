// Review cards (issue 17): a student's deck from lessons, scheduled with FSRS.
import { z } from "zod";
import { Subject } from "../enums.js";
import { Id, Timestamp } from "./common.js";

/** FSRS ratings, in the scheduler's own words (1–4 on the keyboard). */
export const CARD_RATINGS = ["again", "hard", "good", "easy"] as const;
export const CardRating = z.enum(CARD_RATINGS);
export type CardRating = z.infer<typeof CardRating>;

/** FSRS card states: new (never reviewed), learning, review, relearning (after a lapse). */
export const CardState = z.enum(["new", "learning", "review", "relearning"]);
export type CardState = z.infer<typeof CardState>;

export const Card = z.object({
  id: Id,
  videoId: Id,
  videoTitle: z.string(),
  /** KEY_POINT n or QUIZ question n of the lesson. */
  kind: z.enum(["KEY_POINT", "QUIZ"]),
  itemIndex: z.number().int().min(0),
  /** MISSED_QUIZ: added because the student answered the question wrong. */
  origin: z.enum(["LESSON", "MISSED_QUIZ"]),
  front: z.string(),
  back: z.string(),
  /** The second of the lesson's video that covers the card. */
  atSecond: z.number().int().min(0).nullable(),
  state: CardState,
  due: Timestamp,
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: Timestamp.nullable(),
  /** FSRS recall probability now (0 for a card never reviewed). */
  retrievability: z.number().min(0).max(1),
  createdAt: Timestamp,
});
export type Card = z.infer<typeof Card>;

export const DueCounts = z.object({
  /** Due now, overdue ones included. */
  due: z.number().int(),
  /** Due for more than a day. */
  overdue: z.number().int(),
  /** Never reviewed. */
  new: z.number().int(),
  total: z.number().int(),
  /**
   * When the next card not yet due becomes due (null: none ahead). Cards coming due with time send
   * no event, so clients refetch at this moment to keep their badge live.
   */
  nextDueAt: Timestamp.nullable(),
});
export type DueCounts = z.infer<typeof DueCounts>;

export const DueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const DueQueue = z.object({ counts: DueCounts, items: z.array(Card) });

/** Cards due per local day ahead (overdue ones count on today), for the planner's views. */
export const ForecastQuery = z.object({ days: z.coerce.number().int().min(1).max(90).default(30) });
export const DueForecast = z.object({
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), due: z.number().int() })),
});
export type DueForecast = z.infer<typeof DueForecast>;
export type DueQueue = z.infer<typeof DueQueue>;

export const CardReviewInput = z.strictObject({
  rating: CardRating,
  /** When the student rated the card (offline devices replay later); default: now. */
  reviewedAt: Timestamp.optional(),
  /** Chosen by the device once per review: replaying it records nothing new. */
  clientId: Id,
});
export type CardReviewInput = z.input<typeof CardReviewInput>;

export const CardReviewResult = z.object({
  card: Card,
  /** True when this clientId was already recorded: nothing changed. */
  replayed: z.boolean(),
  counts: DueCounts,
});
export type CardReviewResult = z.infer<typeof CardReviewResult>;

export const FromLessonResult = z.object({
  /** Cards new to the deck (0 when the lesson was already added). */
  added: z.number().int(),
  cards: z.array(Card),
  counts: DueCounts,
});
export type FromLessonResult = z.infer<typeof FromLessonResult>;

/** FSRS-6 has 21 weights. */
export const FsrsWeights = z.array(z.number().finite().min(-100).max(100)).length(21);

export const CardSettings = z.object({
  desiredRetention: z.number(),
  weights: z.array(z.number()).nullable(),
  /** When the optimiser last fitted `weights` to your reviews (null: never, or weights set by hand). */
  optimizedAt: Timestamp.nullable(),
  /** How many reviews that fit read. */
  optimizedReviews: z.number().int().nullable(),
});
export type CardSettings = z.infer<typeof CardSettings>;

export const CardSettingsInput = z.strictObject({
  /** The recall probability reviews are scheduled for: higher means more reviews. */
  desiredRetention: z.number().min(0.7).max(0.99).optional(),
  /** Personal FSRS-6 weights from the optimiser; null: the defaults. */
  weights: FsrsWeights.nullable().optional(),
});
export type CardSettingsInput = z.input<typeof CardSettingsInput>;

/** What `POST /cards/optimize` fitted: your FSRS-6 weights, now used for every card you review. */
export const OptimizeResult = z.object({
  weights: z.array(z.number()).length(21),
  /** Reviews the fit read (the newest cards' histories, up to the server's bound). */
  reviewsUsed: z.number().int(),
  cardsUsed: z.number().int(),
  optimizedAt: Timestamp,
});
export type OptimizeResult = z.infer<typeof OptimizeResult>;

export const QuizAnswerInput = z.strictObject({
  questionIndex: z.number().int().min(0).max(99),
  choiceIndex: z.number().int().min(0).max(4),
  clientId: Id,
  answeredAt: Timestamp.optional(),
});
export type QuizAnswerInput = z.input<typeof QuizAnswerInput>;

export const QuizAnswerResult = z.object({
  correct: z.boolean(),
  answerIndex: z.number().int(),
  /** The card a wrong answer put in the deck (or the one already there); null when right. */
  card: Card.nullable(),
  replayed: z.boolean(),
});
export type QuizAnswerResult = z.infer<typeof QuizAnswerResult>;

export const LessonMastery = z.object({
  videoId: Id,
  title: z.string(),
  subject: Subject,
  cards: z.number().int(),
  reviewed: z.number().int(),
  /** Mean FSRS recall probability over the lesson's cards (never-reviewed ones count 0). */
  recall: z.number().min(0).max(1).nullable(),
  quizAnswered: z.number().int(),
  quizCorrect: z.number().int(),
  /** recall when the lesson has cards, else the quiz's share right; null: nothing to go on. */
  mastery: z.number().min(0).max(1).nullable(),
  /** The card with the lowest recall probability. */
  weakestCardId: Id.nullable(),
});
export type LessonMastery = z.infer<typeof LessonMastery>;

export const SubjectMastery = z.object({
  subject: Subject,
  lessons: z.number().int(),
  cards: z.number().int(),
  mastery: z.number().min(0).max(1).nullable(),
});
export type SubjectMastery = z.infer<typeof SubjectMastery>;

export const Mastery = z.object({ lessons: z.array(LessonMastery), subjects: z.array(SubjectMastery) });
export type Mastery = z.infer<typeof Mastery>;

export const VideoIdParam = z.object({ videoId: Id });
