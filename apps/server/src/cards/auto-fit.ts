// Automatic re-fits (issue 17): on a schedule, the worker fits FSRS weights for students whose review
// log has grown enough since their last fit (or who have enough reviews and were never fitted), with the
// same child-process optimiser as POST /cards/optimize, a bounded number of students per run.
import type { Db } from "../db/index.js";
import { AppError } from "../http/errors.js";
import type { Logger } from "../logger.js";
import { type OptimizerLimits, optimizeWeights } from "./optimize.js";
import * as repo from "./repository.js";

export interface AutoFitConfig {
  /** Five-field cron (UTC); null: no automatic fits. */
  cron: string | null;
  /** The most students one run fits: each fit is a second or two of one core. */
  perRun: number;
  /** New reviews since the last fit, as a share of the reviews it read, that make a re-fit worth it. */
  growth: number;
  /** A student the optimiser refused is not tried again for this long. */
  retryRefusedAfterMs: number;
}

export interface AutoFitResult {
  fitted: string[];
  refused: string[];
  failed: string[];
}

export async function runAutoFit(
  deps: { db: Db; log: Logger },
  limits: OptimizerLimits,
  cfg: AutoFitConfig,
  now: Date,
): Promise<AutoFitResult> {
  const users = await deps.db.asService((tx) =>
    repo.autoFitCandidates(tx, {
      minReviews: limits.minReviews,
      growth: cfg.growth,
      refusedBefore: new Date(now.getTime() - cfg.retryRefusedAfterMs),
      limit: cfg.perRun,
    }),
  );
  const result: AutoFitResult = { fitted: [], refused: [], failed: [] };
  // One at a time: the optimiser is a child process per fit, and the API shares these cores.
  for (const userId of users) {
    try {
      await optimizeWeights(deps.db, userId, limits, now);
      result.fitted.push(userId);
    } catch (err) {
      if (err instanceof AppError && err.code === "not_enough_reviews") {
        await deps.db.asService((tx) => repo.markAutoFitRefused(tx, userId, now));
        result.refused.push(userId);
      } else {
        // A timeout or a crashed optimiser: this student is tried again next run; the others go on.
        deps.log.warn({ err, userId }, "automatic FSRS fit failed");
        result.failed.push(userId);
      }
    }
  }
  return result;
}
