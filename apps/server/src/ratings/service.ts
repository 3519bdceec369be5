// Ratings: one per user per video (never your own), the public summary, your own rating.
import { notifyCreator } from "../notifications/index.js";
import type { RatingResult as RatingResultSchema, RatingSummary, UserRating as UserRatingSchema } from "@lm/core";
import type { z } from "zod";
import type { Db } from "../db/index.js";
import { AppError, forbidden, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import * as repo from "./repository.js";

type RatingResult = z.infer<typeof RatingResultSchema>;
type UserRating = z.infer<typeof UserRatingSchema>;

export class RatingsService {
  constructor(private readonly db: Db) {}

  async rate(auth: AuthInfo, videoId: string, stars: number): Promise<RatingResult> {
    return this.db.withUser({ userId: auth.userId }, async (tx) => {
      const video = await repo.visibleVideo(tx, videoId);
      if (!video) throw notFound("Video");
      if (video.created_by === auth.userId)
        throw new AppError("cannot_rate_own_video", "You cannot rate your own video");
      const rating = await repo.upsertRating(tx, videoId, auth.userId, stars);
      // A new rating is news for the creator; a changed one is not.
      if (rating?.inserted)
        await notifyCreator(tx, auth.userId, "rating", { id: videoId, createdBy: video.created_by });
      // Read after the write: the trigger has already folded this rating into the counters.
      const after = await repo.visibleVideo(tx, videoId);
      if (!after) throw notFound("Video");
      return { videoId, stars, ratingAvg: after.rating_avg, ratingCount: after.rating_count };
    });
  }

  async summary(auth: AuthInfo | undefined, videoId: string): Promise<RatingSummary> {
    return this.db.withUser(auth ? { userId: auth.userId } : null, async (tx) => {
      const video = await repo.visibleVideo(tx, videoId);
      if (!video) throw notFound("Video");
      const distribution: RatingSummary["distribution"] = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
      for (const { stars, n } of await repo.distribution(tx, videoId)) {
        distribution[String(stars) as keyof RatingSummary["distribution"]] = n;
      }
      return { videoId, ratingAvg: video.rating_avg, ratingCount: video.rating_count, distribution };
    });
  }

  async ofUser(auth: AuthInfo, userId: string, videoId: string): Promise<UserRating> {
    if (auth.userId !== userId) throw forbidden("You can only read your own ratings");
    const row = await this.db.withUser({ userId }, (tx) => repo.ownRating(tx, videoId, userId));
    if (!row) throw notFound("Rating");
    return {
      videoId: row.video_id,
      userId: row.user_id,
      stars: row.stars,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
