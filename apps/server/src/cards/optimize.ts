// Personal FSRS weights: fits FSRS-6 to a student's own review log (fsrs-rs through
// @open-spaced-repetition/binding) and stores them, so every later review of theirs is scheduled
// with them (schedulerFor reads card_settings.weights).
import type { OptimizeResult } from "@lm/core";
import { default_w } from "ts-fsrs";
import type { Db } from "../db/index.js";
import { AppError } from "../http/errors.js";
import { zoneOf } from "../planner/index.js";
import { ownerTimeZone } from "../planner/service.js";
import { fitWeights, type OptimizerLog, OptimizerTimeout } from "./optimizer/run.js";
import * as repo from "./repository.js";

export interface OptimizerLimits {
  /** Below this many reviews a fit says more about noise than about the student. */
  minReviews: number;
  /** The most reviews one fit reads, which bounds its time and memory. */
  maxReviews: number;
  timeoutMs: number;
}

const notEnough = (detail: string) => new AppError("not_enough_reviews", detail);

/** The log as the thread takes it: typed arrays, copied to it without a per-row object. */
function toThreadLog(rows: Array<{ card_id: string; rating: number; day: number }>): OptimizerLog {
  const ratings = new Uint8Array(rows.length);
  const days = new Int32Array(rows.length);
  const starts: number[] = [];
  rows.forEach((r, i) => {
    if (i === 0 || rows[i - 1].card_id !== r.card_id) starts.push(i);
    ratings[i] = r.rating;
    days[i] = r.day;
  });
  return { ratings, days, starts: Uint32Array.from(starts) };
}

export async function optimizeWeights(
  db: Db,
  userId: string,
  limits: OptimizerLimits,
  now: Date,
): Promise<OptimizeResult> {
  // Read in one short transaction; the fit runs with no transaction open.
  const { total, rows } = await db.withUser({ userId }, async (tx) => {
    const total = await repo.reviewCount(tx, userId);
    if (total < limits.minReviews) return { total, rows: [] };
    const tz = zoneOf({ time_zone: null }, await ownerTimeZone(tx, userId));
    return { total, rows: await repo.optimizerLog(tx, userId, tz, limits.maxReviews) };
  });
  if (total < limits.minReviews) {
    throw notEnough(`Optimising needs at least ${limits.minReviews} reviews; you have ${total}`);
  }
  const log = toThreadLog(rows);
  const cardsUsed = log.starts.length;
  let fit: Awaited<ReturnType<typeof fitWeights>>;
  try {
    fit = await fitWeights(log, limits.timeoutMs);
  } catch (err) {
    if (err instanceof OptimizerTimeout) throw new AppError("service_unavailable", "The optimiser is busy; try later");
    throw err;
  }
  // fsrs-rs answers its defaults (as float32) when too few reviews come a day or more after the one before.
  if (fit.weights.every((w, i) => Math.abs(w - default_w[i]) < 1e-6)) {
    throw notEnough(
      `Your ${rows.length} reviews include too few a day or more apart (${fit.items} usable); review over more days first`,
    );
  }
  const weights = fit.weights.map((w) => Number(w.toFixed(6)));
  await db.withUser({ userId }, (tx) => repo.saveFit(tx, userId, weights, rows.length, now));
  return { weights, reviewsUsed: rows.length, cardsUsed, optimizedAt: now.toISOString() };
}
