// The deck as the planner sees it: a student's cards in one subject with their due dates and recall
// now, for an exam plan (planner/plan.ts). Runs in the caller's transaction, as the student.
import type { Queryable } from "../db/index.js";
import type { PlanCard } from "../planner/index.js";
import * as repo from "./repository.js";
import { retrievability, schedulerFor } from "./scheduler.js";

/** A plan looks at no more cards than this (the ones due soonest): the work stays bounded. */
export const PLAN_CARD_LIMIT = 5_000;

export async function planDeck(tx: Queryable, userId: string, subject: string | null, now: Date) {
  const f = schedulerFor(await repo.settings(tx, userId));
  const rows = await repo.deckForPlan(tx, userId, subject, PLAN_CARD_LIMIT);
  const titles = new Map<string, string>();
  const cards: PlanCard[] = rows.map((r) => {
    if (r.video_title) titles.set(r.video_id, r.video_title);
    return { id: r.id, videoId: r.video_id, due: r.due, recall: retrievability(f, r, now), atSecond: r.at_second };
  });
  return { cards, titles };
}
