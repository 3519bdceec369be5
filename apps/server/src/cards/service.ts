// The deck: adding a lesson's cards, the due queue, FSRS reviews (idempotent per clientId, replayable
// out of order), per-student settings and quiz answers. Every query runs as the student, so RLS
// backs each ownership check; another student's card is simply not found.
import type {
  CardRating,
  CardReviewResult,
  CardSettings,
  CardSettingsInput,
  DueCounts,
  DueQueue,
  FromLessonResult,
  OptimizeResult,
  QuizAnswerResult,
} from "@lm/core";
import { createEmptyCard, type Grade, type ReviewLog } from "ts-fsrs";
import type { Db, Queryable } from "../db/index.js";
import { AppError, notFound, validation } from "../http/errors.js";
import { type LessonParts, lessonCards, quizCard } from "./lesson-cards.js";
import { type OptimizerLimits, optimizeWeights } from "./optimize.js";
import { toCard } from "./presenter.js";
import * as repo from "./repository.js";
import { fromFsrsCard, type MemoryColumns, schedulerFor, toFsrsCard, toGrade } from "./scheduler.js";

/** A device clock this far ahead is believed (and clamped to now); further is a bad reviewedAt. */
const FUTURE_SKEW_MS = 60 * 60 * 1000;

const parts = (l: repo.LessonRow): LessonParts => ({
  title: l.title,
  keyPoints: l.key_points,
  timestamps: l.timestamps,
  quiz: Array.isArray(l.quiz) ? l.quiz : [],
});

export class CardsService {
  /** The service's clock; tests move it to simulate days passing. */
  now: () => Date = () => new Date();

  constructor(
    private readonly db: Db,
    private readonly optimizer: OptimizerLimits,
  ) {}

  private as<T>(userId: string, fn: (tx: Queryable) => Promise<T>) {
    return this.db.withUser({ userId }, fn);
  }

  /** Live due counts (see repo.publishCounts); a failed send is logged by no one and costs only freshness. */
  private async announce(userId: string, counts: DueCounts) {
    await repo.publishCounts(this.db, userId, counts).catch(() => undefined);
  }

  private async readyLesson(tx: Queryable, videoId: string) {
    const l = await repo.lesson(tx, videoId);
    if (!l) throw notFound("Lesson");
    if (l.status !== "PUBLIC" && l.status !== "PRIVATE") {
      throw new AppError("lesson_not_ready", "The lesson is not published yet, so it has no cards");
    }
    return l;
  }

  async addLesson(userId: string, videoId: string): Promise<FromLessonResult> {
    const now = this.now();
    const result = await this.as(userId, async (tx) => {
      const l = await this.readyLesson(tx, videoId);
      const added = await repo.addCards(tx, userId, videoId, lessonCards(parts(l)), "LESSON", now);
      const f = schedulerFor(await repo.settings(tx, userId));
      const rows = await repo.lessonCardsOf(tx, userId, videoId);
      return { added, cards: rows.map((r) => toCard(r, f, now)), counts: await repo.counts(tx, userId, now) };
    });
    if (result.added > 0) await this.announce(userId, result.counts);
    return result;
  }

  async due(userId: string, limit: number): Promise<DueQueue> {
    const now = this.now();
    return this.as(userId, async (tx) => {
      const f = schedulerFor(await repo.settings(tx, userId));
      const rows = await repo.dueCards(tx, userId, now, limit);
      return { counts: await repo.counts(tx, userId, now), items: rows.map((r) => toCard(r, f, now)) };
    });
  }

  async get(userId: string, id: string) {
    const now = this.now();
    return this.as(userId, async (tx) => {
      const row = await repo.cardById(tx, userId, id);
      if (!row) throw notFound("Card");
      return toCard(row, schedulerFor(await repo.settings(tx, userId)), now);
    });
  }

  async remove(userId: string, id: string) {
    const counts = await this.as(userId, async (tx) => {
      const rows = await tx.query("delete from public.cards where id = $1 and user_id = $2 returning id", [id, userId]);
      if (rows.length === 0) throw notFound("Card");
      return repo.counts(tx, userId, this.now());
    });
    await this.announce(userId, counts);
  }

  async review(
    userId: string,
    id: string,
    input: { rating: CardRating; reviewedAt?: string; clientId: string },
  ): Promise<CardReviewResult> {
    const now = this.now();
    const asked = input.reviewedAt ? new Date(input.reviewedAt) : now;
    if (asked.getTime() > now.getTime() + FUTURE_SKEW_MS) throw validation("reviewedAt", "reviewedAt is in the future");
    const result = await this.as(userId, async (tx): Promise<CardReviewResult> => {
      // Locked first: a replay racing its original waits, then finds it by clientId.
      const row = await repo.cardById(tx, userId, id, true);
      if (!row) throw notFound("Card");
      const f = schedulerFor(await repo.settings(tx, userId));
      const seen = await repo.reviewByClientId(tx, userId, input.clientId);
      if (seen) {
        if (seen.card_id !== id) {
          throw new AppError("client_id_reused", "This clientId already recorded a review of another card", {
            errors: [{ path: "clientId", message: "Already used for another card" }],
          });
        }
        return { card: toCard(row, f, now), replayed: true, counts: await repo.counts(tx, userId, now) };
      }
      // A review cannot precede the card, nor (within the skew allowed) follow the server's now.
      const at = new Date(Math.min(now.getTime(), Math.max(asked.getTime(), row.created_at.getTime())));
      const grade = toGrade(input.rating);
      const { memory, log } =
        !row.last_review || at >= row.last_review
          ? step(f, row, at, grade)
          : replay(f, row.created_at, await repo.reviewsOf(tx, id), { rating: grade, reviewed_at: at });
      await repo.insertReview(tx, userId, id, input.clientId, {
        rating: grade,
        state: log.state,
        reviewedAt: at,
        elapsedDays: Math.max(0, Math.round(log.elapsed_days)),
        lastElapsedDays: Math.max(0, Math.round(log.last_elapsed_days)),
        scheduledDays: Math.round(log.scheduled_days),
        learningSteps: log.learning_steps,
        due: log.due,
        stability: log.stability,
        difficulty: log.difficulty,
      });
      await repo.saveMemory(tx, id, memory);
      const saved = { ...row, ...memory };
      return { card: toCard(saved, f, now), replayed: false, counts: await repo.counts(tx, userId, now) };
    });
    // A replay changed nothing, so it announces nothing.
    if (!result.replayed) await this.announce(userId, result.counts);
    return result;
  }

  async settings(userId: string): Promise<CardSettings> {
    return this.as(userId, (tx) => repo.settings(tx, userId));
  }

  async updateSettings(userId: string, input: CardSettingsInput): Promise<CardSettings> {
    return this.as(userId, async (tx) => {
      const current = await repo.settings(tx, userId);
      const keepFit = input.weights === undefined;
      const next = {
        desiredRetention: input.desiredRetention ?? current.desiredRetention,
        weights: keepFit ? current.weights : (input.weights ?? null),
      };
      await repo.saveSettings(tx, userId, next, keepFit);
      return keepFit ? { ...current, ...next } : { ...next, optimizedAt: null, optimizedReviews: null };
    });
  }

  /** Fits the student's FSRS weights to their review log (see optimize.ts). */
  optimize(userId: string): Promise<OptimizeResult> {
    return optimizeWeights(this.db, userId, this.optimizer, this.now());
  }

  async answerQuiz(
    userId: string,
    videoId: string,
    input: { questionIndex: number; choiceIndex: number; clientId: string; answeredAt?: string },
  ): Promise<QuizAnswerResult> {
    const now = this.now();
    let added = 0;
    const result = await this.as(userId, async (tx) => {
      const l = await this.readyLesson(tx, videoId);
      const p = parts(l);
      const question = p.quiz[input.questionIndex];
      if (!question) throw validation("questionIndex", `The lesson has ${p.quiz.length} quiz questions`);
      if (input.choiceIndex >= question.choices.length) {
        throw validation("choiceIndex", `The question has ${question.choices.length} choices`);
      }
      const seen = await repo.quizAnswerByClientId(tx, userId, input.clientId);
      const replayed = Boolean(seen);
      if (seen && (seen.video_id !== videoId || seen.question_index !== input.questionIndex)) {
        throw new AppError("client_id_reused", "This clientId already recorded another answer", {
          errors: [{ path: "clientId", message: "Already used for another answer" }],
        });
      }
      const correct = seen ? seen.correct : input.choiceIndex === question.answerIndex;
      if (!seen) {
        const at = input.answeredAt ? new Date(Math.min(Date.parse(input.answeredAt), now.getTime())) : now;
        await repo.insertQuizAnswer(tx, userId, { videoId, ...input, correct, at });
        // A missed question joins the deck (once: the unique part key keeps an existing card as it is).
        if (!correct)
          added = await repo.addCards(tx, userId, videoId, [quizCard(p, input.questionIndex)], "MISSED_QUIZ", now);
      }
      const row = correct ? undefined : await repo.cardByItem(tx, userId, videoId, "QUIZ", input.questionIndex);
      const card = row ? toCard(row, schedulerFor(await repo.settings(tx, userId)), now) : null;
      return { correct, answerIndex: question.answerIndex, card, replayed };
    });
    if (added > 0) await this.announce(userId, await this.as(userId, (tx) => repo.counts(tx, userId, now)));
    return result;
  }
}

type Scheduler = ReturnType<typeof schedulerFor>;

/** One review after the last one: ts-fsrs's next step from the stored state. */
function step(f: Scheduler, row: repo.CardRow, at: Date, grade: Grade): { memory: MemoryColumns; log: ReviewLog } {
  const next = f.next(toFsrsCard(row), at, grade);
  return { memory: fromFsrsCard(next.card), log: next.log };
}

/**
 * A review older than the card's last one (an offline device replaying late): the card is rebuilt
 * from the whole log in time order, so the result does not depend on the order reviews arrived in.
 */
function replay(
  f: Scheduler,
  createdAt: Date,
  history: Array<{ rating: number; reviewed_at: Date }>,
  mine: { rating: Grade; reviewed_at: Date },
): { memory: MemoryColumns; log: ReviewLog } {
  const all = [...history, mine].sort((a, b) => a.reviewed_at.getTime() - b.reviewed_at.getTime());
  let card = createEmptyCard(createdAt);
  let log: ReviewLog | undefined;
  for (const h of all) {
    const next = f.next(card, h.reviewed_at, h.rating as Grade);
    if (h === mine) log = next.log;
    card = next.card;
  }
  return { memory: fromFsrsCard(card), log: log as ReviewLog };
}
