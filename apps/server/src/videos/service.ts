// Videos: creating a generation request, reading, editing, deleting, retrying, listing.
import type {
  Page,
  PageQuery,
  ReportedVideo,
  Video,
  VideoCreateInput,
  VideoListQuery,
  VideoUpdateInput,
} from "@lm/core";
import type { z } from "zod";
import { moderateText } from "../ai/moderation.js";
import type { AppContext } from "../context.js";
import { type Db, type Queryable, readerAs } from "../db/index.js";
import { decodeCursor, toPage } from "../db/keyset-cursor.js";
import { readerFor } from "../db/replica.js";
import { AppError, forbidden, notFound } from "../http/errors.js";
import { sendAsUser } from "../jobs/in-transaction.js";
import { JOBS } from "../jobs/queues.js";
import { deleteLessonFiles } from "../media/render/files.js";
import type { AuthInfo } from "../http/express.js";
import { weakSubjectsOf } from "../cards/index.js";
import { genericPlanFits, listVideos } from "./feed.js";
import { type FeedCache, feedKey } from "./feed-cache.js";
import { toVideo } from "./presenter.js";
import * as reports from "./reports.js";
import * as repo from "./repository.js";

/** Published lessons are everyone's to see; every other state only its creator's. */
export const seesLesson = (row: { status: string; u_id: string }, auth?: AuthInfo) =>
  row.status === "PUBLIC" || row.u_id === auth?.userId;

const actor = (auth?: AuthInfo) => (auth ? { userId: auth.userId } : null);

export class VideosService {
  constructor(private readonly ctx: AppContext) {}

  async create(auth: AuthInfo, input: z.output<typeof VideoCreateInput>): Promise<Video> {
    // Unsafe requests are refused before anything is stored or queued.
    const verdict = moderateText([input.topic, input.sourceText ?? ""].join("\n"));
    if (verdict.status === "REJECTED") {
      throw new AppError("content_rejected", verdict.reason ?? "This request breaks the community rules");
    }
    const id = await this.ctx.db.withUser(actor(auth), async (tx) => {
      const id = await repo.insertVideo(tx, {
        createdBy: auth.userId,
        topic: input.topic,
        subject: input.subject,
        difficulty: input.difficulty,
        visibility: input.visibility ?? "PUBLIC",
        sourceText: input.sourceText?.trim() ? input.sourceText : null,
      });
      await this.enqueue(tx, auth.userId, id);
      return id;
    });
    return this.get(id, auth);
  }

  async get(id: string, auth?: AuthInfo): Promise<Video> {
    // One statement: sent with its role and claims in one round trip (the hottest read there is).
    const row = await repo.findVisible(readerAs(this.ctx.db, actor(auth)), id, Boolean(auth));
    // RLS lets moderators read every lesson; the contract gives them only what a report shows them
    // (the moderation queue and decisions), so anything unpublished stays its creator's alone here.
    if (!row || !seesLesson(row, auth)) throw notFound("Video");
    return toVideo(row, Boolean(auth));
  }

  async update(id: string, auth: AuthInfo, input: VideoUpdateInput): Promise<Video> {
    await this.ctx.db.withUser(actor(auth), async (tx) => {
      const row = await repo.findVisible(tx, id);
      if (!row || !seesLesson(row, auth)) throw notFound("Video");
      if (row.u_id !== auth.userId) throw forbidden("Only the creator can edit this video");
      // A lesson a moderator removed stays removed: saying PUBLIC must not look like it worked.
      if (row.status === "REJECTED" && input.status === "PUBLIC")
        throw new AppError("conflict", "A lesson removed by a moderator cannot be published again");
      // Visibility can be chosen at any time; the status follows only once the lesson is published.
      const published = row.status === "PUBLIC" || row.status === "PRIVATE";
      await repo.updateOwn(tx, id, {
        title: input.title,
        tags: input.tags,
        status: published ? input.status : undefined,
      });
      if (!published && input.status)
        await tx.query("update public.videos set visibility = $2 where id = $1", [id, input.status]);
    });
    return this.get(id, auth);
  }

  async remove(id: string, auth: AuthInfo) {
    await this.ctx.db.withUser(actor(auth), async (tx) => {
      const row = await repo.findVisible(tx, id);
      if (!row) throw notFound("Video");
      const deleted = await repo.deleteVisible(tx, id); // RLS: creator, MODERATOR or ADMIN
      if (deleted.length === 0) throw forbidden("Only the creator or a moderator can delete this video");
    });
    await deleteLessonFiles(this.ctx.storage, id).catch((err) =>
      this.ctx.log.warn({ err, id }, "video files not deleted"),
    );
  }

  async retry(id: string, auth: AuthInfo): Promise<Video> {
    await this.ctx.db.withUser(actor(auth), async (tx) => {
      const row = await repo.findVisible(tx, id);
      if (!row || !seesLesson(row, auth)) throw notFound("Video");
      if (row.u_id !== auth.userId) throw forbidden("Only the creator can retry this video");
      const requeued = await repo.requeue(tx, id);
      if (requeued.length === 0) throw new AppError("conflict", "Only a failed generation can be retried");
      await this.enqueue(tx, auth.userId, id);
    });
    return this.get(id, auth);
  }

  /** One report per user per published lesson; the lesson waits for a moderator's review. */
  async report(id: string, auth: AuthInfo, reason: string | undefined, keyPointIndex?: number): Promise<void> {
    await this.ctx.db.withUser(actor(auth), async (tx) => {
      const row = await repo.findVisible(tx, id);
      // Only published lessons are in front of other students; anything else is not theirs to see.
      if (row?.status !== "PUBLIC") throw notFound("Video");
      if (row.u_id === auth.userId) throw new AppError("cannot_report_own_video", "You cannot report your own video");
      if (keyPointIndex !== undefined && keyPointIndex >= row.key_points.length) {
        const message = `This lesson has ${row.key_points.length} key points (0 to ${row.key_points.length - 1})`;
        throw new AppError("validation_error", message, { errors: [{ path: "keyPointIndex", message }] });
      }
      await reports.insertReport(tx, id, auth.userId, reason?.trim() ? reason : null, keyPointIndex ?? null);
    });
  }

  /** `db`: where to read (the anonymous feed may read from the replica, see db/replica.ts). */
  async list(query: z.output<typeof VideoListQuery>, auth?: AuthInfo, db: Db = this.ctx.db) {
    if ((query.createdBy === "me" || query.sort === "for_you") && !auth) {
      throw new AppError(
        "unauthorized",
        query.sort === "for_you" ? "Sign in for your personal feed" : "Sign in to see your videos",
      );
    }
    const viewer = { userId: auth?.userId ?? null, subjects: [] };
    if (query.sort !== "for_you" || !auth) {
      // Every other feed is one statement: role, claims and query go out in one round trip.
      const reader = readerAs(db, actor(auth), { genericPlan: genericPlanFits(query) });
      const { rows, nextCursor } = await listVideos(reader, query, viewer);
      return { items: rows.map((r) => toVideo(r, Boolean(auth))), nextCursor };
    }
    return db.withUser(actor(auth), async (tx) => {
      const me = await tx.query<{ subjects: string[] }>("select subjects from public.users where id = auth.uid()");
      const subjects = me[0]?.subjects ?? [];
      const weakSubjects = await weakSubjectsOf(tx);
      const { rows, nextCursor } = await listVideos(tx, query, { ...viewer, subjects, weakSubjects });
      return { items: rows.map((r) => toVideo(r, Boolean(auth))), nextCursor };
    });
  }

  /** An anonymous feed page as JSON, from the feed cache when it holds it (see feed-cache.ts). */
  async publicPage(query: z.output<typeof VideoListQuery>, cache: FeedCache): Promise<{ body: string; hit: boolean }> {
    const key = feedKey(query);
    const cached = await cache.get(key).catch((err) => {
      // A cache that is down costs speed, never the feed itself.
      this.ctx.log.warn({ err }, "feed cache read failed");
      return null;
    });
    if (cached?.body) return { body: cached.body, hit: true };
    const reader = await readerFor(this.ctx.db, this.ctx.replica, cached?.lsn ?? null);
    const body = JSON.stringify(await this.list(query, undefined, reader));
    if (cached)
      await cache.set(key, cached.version, body).catch((err) => this.ctx.log.warn({ err }, "feed cache write failed"));
    return { body, hit: false };
  }

  /** The generation job is queued in the same transaction as the row that asks for it. */
  private enqueue(tx: Queryable, userId: string, videoId: string) {
    return sendAsUser(this.ctx.queue, tx, userId, JOBS.generateVideo, { videoId });
  }
}

// The moderation feature decides on reported lessons through these, never through repository.ts or
// reports.ts (issue 14 item 6). The writes run in the caller's service transaction: closing reports
// and taking down someone else's lesson are no user's rows.

/** Published lessons with open reports, the longest-waiting first; RLS lets moderators read every report. */
export async function reportedLessons(db: Db, auth: AuthInfo, query: PageQuery): Promise<Page<ReportedVideo>> {
  const after = decodeCursor(query.cursor);
  const rows = await db.withUser({ userId: auth.userId }, (tx) => reports.openQueue(tx, query.limit, after));
  return toPage(rows, query.limit, (r) => ({
    video: toVideo(r, true),
    reportCount: r.report_count,
    reasons: r.reasons,
    firstReportedAt: r.first_reported_at.toISOString(),
    reportedKeyPoints: r.reported_key_points,
  }));
}

/** Closes the lesson's open reports; the number closed (0: nothing was waiting). */
export const closeReports = (tx: Queryable, id: string, moderatorId: string) =>
  reports.resolveOpen(tx, id, moderatorId);

/** Takes a published lesson down (REJECTED; its creator reads `reason`). Undefined if it was not published. */
export const takeDownLesson = (tx: Queryable, id: string, reason: string) => reports.removeLesson(tx, id, reason);

/** Whether the lesson exists at all, whatever its state (the caller's role decides what is seen). */
export const lessonExists = (tx: Queryable, id: string) => repo.exists(tx, id);

/** A lesson as a moderator reads it: RLS lets moderators see every lesson, removed ones included. */
export async function lessonForModerator(db: Db, auth: AuthInfo, id: string): Promise<Video | null> {
  const row = await db.withUser({ userId: auth.userId }, (tx) => repo.findVisible(tx, id));
  return row ? toVideo(row, true) : null;
}
