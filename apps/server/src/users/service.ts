// Profiles: own view vs public view, updates, deletion, stats.
import type { PublicUser, User, UserStats, UserUpdateInput } from "@lm/core";
import type { Db } from "../db/index.js";
import type { Logger } from "../logger.js";
import { deleteLessonFiles } from "../media/render/files.js";
import type { Storage } from "../media/storage.js";
import { forbidden, notFound } from "../http/errors.js";
import type { AuthInfo } from "../http/express.js";
import { toPublicUser, toUser } from "./presenter.js";
import * as repo from "./repository.js";

export type PlannerStatsFn = (
  userId: string,
) => Promise<Pick<UserStats, "eventsCompleted" | "eventsUpcoming" | "studyMinutesThisWeek" | "streakDays">>;

export class UsersService {
  /** The planner feature plugs its stats in; until then they are 0. */
  plannerStats: PlannerStatsFn = async () => ({
    eventsCompleted: 0,
    eventsUpcoming: 0,
    studyMinutesThisWeek: 0,
    streakDays: 0,
  });

  constructor(
    private readonly db: Db,
    private readonly files: { storage: Storage; log: Logger },
  ) {}

  async me(auth: AuthInfo): Promise<User> {
    const row = await this.db.withUser({ userId: auth.userId }, (tx) => repo.ownProfile(tx, auth.userId));
    if (!row) throw notFound("User");
    return toUser(row);
  }

  async get(id: string, auth: AuthInfo | undefined): Promise<User | PublicUser> {
    if (auth?.userId === id) return this.me(auth);
    const row = await this.db.withUser(auth ? { userId: auth.userId } : null, (tx) => repo.publicProfile(tx, id));
    if (!row) throw notFound("User");
    return toPublicUser(row);
  }

  async update(id: string, auth: AuthInfo, input: UserUpdateInput): Promise<User> {
    if (auth.userId !== id) throw forbidden("You can only change your own profile");
    const row = await this.db.withUser({ userId: auth.userId }, (tx) => repo.updateProfile(tx, id, input));
    if (!row) throw notFound("User");
    return toUser(row);
  }

  /**
   * Removes the account and everything it owns: rows by cascade, then in the same transaction its
   * stored idempotent responses and pending jobs, and after commit its lessons' files on disk.
   */
  async remove(id: string, auth: AuthInfo) {
    if (auth.userId !== id && auth.role !== "ADMIN") throw forbidden("You can only delete your own account");
    const videoIds = await this.db.asService(async (tx) => {
      const owned = await repo.ownedVideoIds(tx, id);
      const deleted = await repo.deleteUser(tx, id);
      if (deleted.length === 0) throw notFound("User");
      // Back to the login role for tables no API role may touch (transaction-local).
      await tx.query("select set_config('role', 'none', true)");
      await repo.deleteAccountLeftovers(tx, id, owned);
      return owned;
    });
    for (const videoId of videoIds) {
      await deleteLessonFiles(this.files.storage, videoId).catch((err) =>
        this.files.log.warn({ err, videoId }, "files of a deleted account's lesson not deleted"),
      );
    }
  }

  async stats(id: string, auth: AuthInfo): Promise<UserStats> {
    if (auth.userId !== id) throw forbidden("Stats are private");
    const social = await this.db.withUser({ userId: auth.userId }, (tx) => repo.socialStats(tx, id));
    return {
      videosCreated: social?.videos_created ?? 0,
      commentsPosted: social?.comments_posted ?? 0,
      ratingsGiven: social?.ratings_given ?? 0,
      avgRatingReceived: social?.avg_rating_received ?? 0,
      ...(await this.plannerStats(id)),
    };
  }
}
