// SQL for video_media. The worker writes as service_role; every write that finishes a render
// checks that this job still holds the claim, so a render taken over by another worker (after a
// missed heartbeat) can never overwrite the newer one's result.
import type { QuizQuestion } from "@lm/core";
import { one, type Queryable } from "../../db/index.js";
import type { MediaFailureCode } from "./errors.js";

/** A freshly published lesson: its video is due (a regenerated lesson's old video is outdated too). */
export const markPending = (tx: Queryable, videoId: string) =>
  tx.query(
    `insert into public.video_media (video_id, status) values ($1, 'PENDING')
     on conflict (video_id) do update set status = 'PENDING', progress = 0, failure_code = null, failure_reason = null,
       attempts = 0, claimed_by = null, heartbeat_at = null`,
    [videoId],
  );

export const markUnavailable = (tx: Queryable, videoId: string, code: MediaFailureCode, reason: string) =>
  tx.query(
    `insert into public.video_media (video_id, status, failure_code, failure_reason) values ($1, 'UNAVAILABLE', $2, $3)
     on conflict (video_id) do update set status = 'UNAVAILABLE', progress = 0, failure_code = $2, failure_reason = $3,
       claimed_by = null, heartbeat_at = null`,
    [videoId, code, reason],
  );

/** Takes the render for this job: a PENDING one, or a RENDERING one whose worker stopped beating. */
export const claim = (tx: Queryable, videoId: string, jobId: string, staleSeconds: number) =>
  one<{ attempts: number }>(
    tx,
    `update public.video_media m set status = 'RENDERING', progress = 0, claimed_by = $2, heartbeat_at = now(),
            attempts = attempts + 1
      where m.video_id = $1
        and (m.status = 'PENDING' or (m.status = 'RENDERING'
             and (m.claimed_by = $2 or m.heartbeat_at is null or m.heartbeat_at < now() - make_interval(secs => $3))))
        and exists (select 1 from public.videos v where v.id = m.video_id and v.status in ('PUBLIC', 'PRIVATE'))
      returning m.attempts`,
    [videoId, jobId, staleSeconds],
  );

export interface LessonRow {
  title: string;
  subject: string;
  difficulty: string;
  script: string | null;
  script_summary: string | null;
  key_points: string[];
  timestamps: number[];
  duration: number;
  quiz: Array<QuizQuestion & { at?: unknown }>;
}

export const loadLesson = (tx: Queryable, videoId: string) =>
  one<LessonRow>(
    tx,
    `select title, subject, difficulty, script, script_summary, key_points, timestamps, duration, quiz
       from public.videos where id = $1`,
    [videoId],
  );

/** Progress and heartbeat; false when the claim is no longer this job's. */
export async function beat(tx: Queryable, videoId: string, jobId: string, progress?: number) {
  const rows = await tx.query(
    `update public.video_media set heartbeat_at = now(), progress = coalesce($3, progress)
      where video_id = $1 and claimed_by = $2 and status = 'RENDERING' returning 1`,
    [videoId, jobId, progress ?? null],
  );
  return rows.length > 0;
}

export async function markReady(
  tx: Queryable,
  videoId: string,
  jobId: string,
  r: { durationSec: number; sizeBytes: number; version: number },
) {
  const rows = await tx.query(
    `update public.video_media set status = 'READY', progress = 100, duration_sec = $3, size_bytes = $4, version = $5,
            failure_code = null, failure_reason = null, claimed_by = null
      where video_id = $1 and claimed_by = $2 and status = 'RENDERING' returning 1`,
    [videoId, jobId, r.durationSec, r.sizeBytes, r.version],
  );
  return rows.length > 0;
}

/** The lesson's timing becomes the video's, unless its text changed while the video was made. */
export async function applyTiming(
  tx: Queryable,
  videoId: string,
  rendered: { script: string | null; keyPoints: string[] },
  t: { timestamps: number[]; duration: number; quiz: unknown[]; videoUrl: string },
) {
  const rows = await tx.query(
    `update public.videos set timestamps = $2, duration = $3, quiz = $4, video_url = $5
      where id = $1 and script is not distinct from $6 and key_points = $7 returning id`,
    [videoId, t.timestamps, t.duration, JSON.stringify(t.quiz), t.videoUrl, rendered.script, rendered.keyPoints],
  );
  return rows.length > 0;
}

export const markFailed = (tx: Queryable, videoId: string, jobId: string, code: MediaFailureCode, reason: string) =>
  tx.query(
    `update public.video_media set status = 'FAILED', failure_code = $3, failure_reason = $4, claimed_by = null
      where video_id = $1 and claimed_by = $2 and status = 'RENDERING'`,
    [videoId, jobId, code, reason],
  );

/** Hands the render back to the queue (a retry, or a shutdown in the middle of it). */
export const release = (tx: Queryable, videoId: string, jobId: string) =>
  tx.query(
    `update public.video_media set status = 'PENDING', progress = 0, claimed_by = null, heartbeat_at = null
      where video_id = $1 and claimed_by = $2 and status = 'RENDERING'`,
    [videoId, jobId],
  );

/**
 * Renders that lost their worker go back to PENDING: every RENDERING one in embedded mode (this
 * process is the only worker, so any claim is from before a crash), else those whose heartbeat
 * is older than staleSeconds.
 */
export const releaseStale = (tx: Queryable, all: boolean, staleSeconds: number) =>
  tx.query<{ video_id: string }>(
    `update public.video_media set status = 'PENDING', progress = 0, claimed_by = null, heartbeat_at = null
      where status = 'RENDERING' and ($1 or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => $2))
      returning video_id`,
    [all, staleSeconds],
  );

export const pending = (tx: Queryable, limit: number) =>
  tx.query<{ video_id: string }>(
    "select video_id from public.video_media where status = 'PENDING' order by created_at limit $1",
    [limit],
  );

/** Published lessons from before videos existed get a row (PENDING, or UNAVAILABLE with the reason). */
export const backfill = (
  tx: Queryable,
  limit: number,
  unavailable: { code: MediaFailureCode; reason: string } | null,
) =>
  tx.query<{ video_id: string }>(
    `insert into public.video_media (video_id, status, failure_code, failure_reason)
     select v.id, $2, $3, $4 from public.videos v
      where v.status in ('PUBLIC', 'PRIVATE') and not exists (select 1 from public.video_media m where m.video_id = v.id)
      order by v.created_at limit $1
     on conflict (video_id) do nothing
     returning video_id`,
    [limit, unavailable ? "UNAVAILABLE" : "PENDING", unavailable?.code ?? null, unavailable?.reason ?? null],
  );

/** The visible lesson's media, for serving files (RLS on videos decides visibility). */
export const visibleMedia = (tx: Queryable, videoId: string) =>
  one<{ lesson_status: string; created_by: string; status: string | null; version: string | null }>(
    tx,
    `select v.status as lesson_status, v.created_by, m.status, m.version
       from public.videos v left join public.video_media m on m.video_id = v.id where v.id = $1`,
    [videoId],
  );
