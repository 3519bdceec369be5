// A lesson's creator hears about new ratings and comments on it, batched: while a notification
// about that lesson is unread, the next rating updates it ("3 new ratings on …") instead of
// adding one per star; once read, the next one starts a new batch. Runs inside the caller's
// transaction as service_role (clients may not write notifications), so it commits with the
// rating or comment it reports.
import { countOf } from "@lm/core";
import { asServiceWithin, one, type Queryable } from "../db/index.js";
import * as repo from "./repository.js";

export type Activity = "rating" | "comment";

const KIND: Record<Activity, string> = { rating: "video.ratings", comment: "video.comments" };
/** The Settings switch that covers each activity. */
const PREF = { rating: "ratings", comment: "comments" } as const;

export async function notifyCreator(
  tx: Queryable,
  actorId: string,
  activity: Activity,
  video: { id: string; createdBy: string },
): Promise<void> {
  if (video.createdBy === actorId) return;
  const kind = KIND[activity];
  await asServiceWithin(tx, actorId, async () => {
    if (!(await repo.wantsKind(tx, video.createdBy, PREF[activity]))) return;
    await repo.lockBatch(tx, `${kind}:${video.createdBy}:${video.id}`);
    const title = (await one<{ title: string }>(tx, "select title from public.videos where id = $1", [video.id]))
      ?.title;
    if (title === undefined) return;
    const headline = (n: number) => `${countOf(n, `new ${activity}`)} on “${title}”`;
    const open = await repo.openBatch(tx, video.createdBy, kind, video.id);
    if (open) return void (await repo.growBatch(tx, open.id, open.count + 1, headline(open.count + 1)));
    await repo.insertOnce(tx, {
      userId: video.createdBy,
      kind,
      title: headline(1),
      body: activity === "rating" ? "See how students rate your lesson." : "Open the lesson to read and reply.",
      data: { videoId: video.id, count: 1 },
      dedupeKey: null,
    });
  });
}
