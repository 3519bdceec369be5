// Row → Card (the contract's shape), with the recall probability at the service's clock.
import type { Card } from "@lm/core";
import type { FSRS } from "ts-fsrs";
import type { CardRow } from "./repository.js";
import { retrievability, stateName } from "./scheduler.js";

export function toCard(r: CardRow, f: FSRS, now: Date): Card {
  return {
    id: r.id,
    videoId: r.video_id,
    videoTitle: r.video_title ?? "",
    kind: r.kind,
    itemIndex: r.item_index,
    origin: r.origin,
    front: r.front,
    back: r.back,
    atSecond: r.at_second,
    state: stateName(r.state),
    due: r.due.toISOString(),
    stability: r.stability,
    difficulty: r.difficulty,
    scheduledDays: r.scheduled_days,
    reps: r.reps,
    lapses: r.lapses,
    lastReview: r.last_review ? r.last_review.toISOString() : null,
    retrievability: retrievability(f, r, now),
    createdAt: r.created_at.toISOString(),
  };
}
