// SQL for single videos. Reads and creator writes run under RLS (withUser); the worker uses asService.
import type { KeyPointSource, VideoFailureCode } from "@lm/core";
import { one, type Queryable } from "../db/index.js";
import type { Lesson } from "../ai/pipeline.js";
import { myRating, VIDEO_FROM, VIDEO_SELECT, type VideoRow } from "./presenter.js";

/** The video if the caller may see it (RLS decides: PUBLIC, own, or moderator). */
export const findVisible = (tx: Queryable, id: string, signedIn = true) =>
  one<VideoRow>(tx, `select ${VIDEO_SELECT}, ${myRating(signedIn)} from ${VIDEO_FROM} where v.id = $1`, [id]);

export const exists = async (tx: Queryable, id: string) =>
  Boolean(await one(tx, "select 1 from public.videos where id = $1", [id]));

export async function insertVideo(
  tx: Queryable,
  v: {
    createdBy: string;
    topic: string;
    subject: string;
    difficulty: string;
    visibility: string;
    sourceText: string | null;
  },
) {
  const row = await one<{ id: string }>(
    tx,
    `insert into public.videos (title, subject, difficulty, topic, created_by, visibility, source_text)
     values ($1, $2, $3, $1, $4, $5, $6) returning id`,
    [v.topic, v.subject, v.difficulty, v.createdBy, v.visibility, v.sourceText],
  );
  return row!.id;
}

export const updateOwn = (tx: Queryable, id: string, u: { title?: string; tags?: string[]; status?: string }) =>
  tx.query<{ id: string }>(
    `update public.videos set title = coalesce($2, title), tags = coalesce($3, tags),
            status = coalesce($4, status), visibility = coalesce($4, visibility)
      where id = $1 returning id`,
    [id, u.title ?? null, u.tags ?? null, u.status ?? null],
  );

export const deleteVisible = (tx: Queryable, id: string) =>
  tx.query<{ id: string }>("delete from public.videos where id = $1 returning id", [id]);

export const requeue = (tx: Queryable, id: string) =>
  tx.query<{ id: string }>(
    "update public.videos set status = 'PENDING', failure_code = null, failure_reason = null, attempts = 0 where id = $1 and status = 'FAILED' returning id",
    [id],
  );

// --- Worker (service_role) ---

/**
 * Claims a video for a generation job: PENDING, or GENERATING under this job's own claim or a stale
 * one (its worker is gone). This claim, not a row lock, is what lets only one job run a video.
 */
export const claimGeneration = (tx: Queryable, id: string, jobId: string, provider: string, stale: string) =>
  tx.query<{ id: string }>(
    `update public.videos set status = 'GENERATING', attempts = attempts + 1, claimed_by = $2, claimed_at = now(), provider = $3
      where id = $1 and (status = 'PENDING' or (status = 'GENERATING'
        and (claimed_by = $2 or claimed_at is null or claimed_at < now() - $4::interval)))
      returning id`,
    [id, jobId, provider, stale],
  );

export const refreshClaim = (tx: Queryable, id: string, jobId: string) =>
  tx.query("update public.videos set claimed_at = now() where id = $1 and claimed_by = $2 and status = 'GENERATING'", [
    id,
    jobId,
  ]);

/** A retryable failure: the job is retried, the video waits for it. */
export const backToPending = (tx: Queryable, id: string) =>
  tx.query("update public.videos set status = 'PENDING' where id = $1", [id]);

/** Embedded mode at start: this process is the only worker, so every old claim is stale. */
export const releaseAllClaims = (tx: Queryable) =>
  tx.query("update public.videos set status = 'PENDING', claimed_by = null where status = 'GENERATING'");

export const loadForGeneration = (tx: Queryable, id: string) =>
  one<{
    id: string;
    topic: string;
    subject: string;
    difficulty: string;
    source_text: string | null;
    visibility: string;
    status: string;
    title: string;
  }>(
    tx,
    "select id, topic, subject, difficulty, source_text, visibility, status, title from public.videos where id = $1",
    [id],
  );

/** Who to tell about a lesson that was stored or failed (undefined: it was not in a state to change). */
export interface LessonOwner {
  id: string;
  createdBy: string;
  title: string;
}

export const storeLesson = (
  tx: Queryable,
  id: string,
  lesson: Lesson,
  thumbnailUrl: string,
  keepTitle: string | null,
) =>
  one<LessonOwner>(
    tx,
    `update public.videos set title = $2, script = $3, script_summary = $4, key_points = $5, timestamps = $6,
            duration = $7, tags = $8, quiz = $9, thumbnail_url = $10, status = visibility, failure_code = null, failure_reason = null
      where id = $1
      returning id, created_by as "createdBy", title`,
    [
      id,
      keepTitle ?? lesson.title,
      lesson.script,
      lesson.scriptSummary,
      lesson.keyPoints,
      lesson.timestamps,
      lesson.duration,
      lesson.tags,
      JSON.stringify(lesson.quiz),
      thumbnailUrl,
    ],
  );

/** Where each key point came from in the notes (null: a lesson without notes). */
export const storeKeyPointSources = (tx: Queryable, id: string, sources: (KeyPointSource | null)[] | null) =>
  tx.query("update public.videos set key_point_sources = $2::jsonb where id = $1", [
    id,
    sources ? JSON.stringify(sources) : null,
  ]);

/** Replaces the key points and their sources, leaving the timings as they were (same count). */
export const replaceKeyPoints = (tx: Queryable, id: string, keyPoints: string[], sources: (KeyPointSource | null)[]) =>
  tx.query("update public.videos set key_points = $2, key_point_sources = $3::jsonb where id = $1", [
    id,
    keyPoints,
    JSON.stringify(sources),
  ]);

export const markFailed = (
  tx: Queryable,
  id: string,
  code: VideoFailureCode,
  reason: string,
  status: "FAILED" | "REJECTED" = "FAILED",
) =>
  one<LessonOwner>(
    tx,
    `update public.videos set status = $3, failure_code = $4, failure_reason = $2
      where id = $1 and status in ('PENDING', 'GENERATING')
      returning id, created_by as "createdBy", title`,
    [id, reason, status, code],
  );

/**
 * Unfinished videos no live job is working on: GENERATING with a claim older than `stale`, or PENDING
 * for over 10 s with no job waiting for them in the queue. (Reads pg-boss's own table, pg-boss 10.)
 */
export const orphaned = (tx: Queryable, queue: string, stale: string) =>
  tx.query<{ id: string }>(
    `select v.id from public.videos v
      where ((v.status = 'GENERATING' and v.claimed_at < now() - $2::interval)
          or (v.status = 'PENDING' and v.updated_at < now() - interval '10 seconds'))
        and not exists (select 1 from pgboss.job j where j.name = $1 and j.data->>'videoId' = v.id::text
                          and j.state in ('created', 'retry'))
      order by v.created_at limit 100`,
    [queue, stale],
  );

/** Videos a crashed or restarted worker left unfinished. */
export const unfinished = (tx: Queryable) =>
  tx.query<{ id: string; status: string; attempts: number }>(
    "select id, status, attempts from public.videos where status in ('PENDING', 'GENERATING') order by created_at",
  );

/** Recomputes every lesson's trending score (the worker's minute tick; see the SQL function). */
export const refreshTrendingScores = (tx: Queryable) => tx.query("select public.refresh_trending_scores()");
