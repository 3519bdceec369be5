// Row → Video. The select list and the presenter live together so they cannot drift apart.
import type { KeyPointSource, QuizQuestion, Video, VideoFailureCode } from "@lm/core";
import { MEDIA_SELECT, type MediaColumns, toVideoMedia } from "../media/render/presenter.js";
import { toPublicUser } from "../users/index.js";

/** A timestamptz as the API writes it (Date#toISOString: UTC, milliseconds truncated, "Z"). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Columns every video query selects (`v` = videos, `u` = public_users, `my` = the caller's rating).
 * Timestamps come as the API's ISO text and arrays as JSON: the driver then hands over strings and
 * runs one native JSON.parse, where it would build a Date per timestamp and walk each array in
 * JavaScript; on a feed page that parsing was most of what the server allocated per request.
 */
export const VIDEO_SELECT = `
  v.id, v.title, v.subject, v.difficulty, v.topic, v.status, v.script_summary, v.script,
  to_json(v.key_points) as key_points, v.key_point_sources, to_json(v.timestamps) as timestamps, v.video_url,
  v.thumbnail_url, v.duration, v.rating_avg, v.rating_count, v.view_count, v.comment_count,
  to_json(v.tags) as tags, v.quiz, v.failure_code, v.failure_reason, ${iso("v.created_at")} as created_at,
  ${iso("v.updated_at")} as updated_at, v.is_sample,
  u.id as u_id, u.display_name as u_display_name, u.avatar_color as u_avatar_color,
  to_json(u.subjects) as u_subjects, ${iso("u.created_at")} as u_created_at, ${MEDIA_SELECT}`;

/** The caller's own stars; anonymous callers have no ratings (and no grant on the table). */
export const myRating = (signedIn: boolean) =>
  signedIn
    ? "(select r.stars from public.ratings r where r.video_id = v.id and r.user_id = auth.uid()) as my_rating"
    : "null::int as my_rating";

// Parenthesised so callers can join it to their own tables (`open o join ${VIDEO_FROM} on …`).
export const VIDEO_FROM =
  "(public.videos v join public.public_users u on u.id = v.created_by left join public.video_media m on m.video_id = v.id)";

export interface VideoRow extends MediaColumns {
  id: string;
  title: string;
  subject: Video["subject"];
  difficulty: Video["difficulty"];
  topic: string;
  status: Video["status"];
  script_summary: string | null;
  script: string | null;
  key_points: string[];
  key_point_sources: (KeyPointSource | null)[] | null;
  timestamps: number[];
  video_url: string | null;
  thumbnail_url: string | null;
  duration: number;
  rating_avg: number;
  rating_count: number;
  view_count: number;
  comment_count: number;
  tags: string[];
  quiz: QuizQuestion[];
  failure_code: VideoFailureCode | null;
  failure_reason: string | null;
  /** ISO 8601 text, as the API sends it. */
  created_at: string;
  updated_at: string;
  is_sample: boolean;
  u_id: string;
  u_display_name: string;
  u_avatar_color: string;
  u_subjects: string[];
  u_created_at: string;
  my_rating?: number | null;
}

export function toVideo(r: VideoRow, withMyRating: boolean): Video {
  const media = toVideoMedia(r.id, r.status, r);
  return {
    id: r.id,
    title: r.title,
    subject: r.subject,
    difficulty: r.difficulty,
    topic: r.topic,
    createdBy: toPublicUser({
      id: r.u_id,
      display_name: r.u_display_name,
      avatar_color: r.u_avatar_color,
      subjects: r.u_subjects,
      created_at: r.u_created_at,
    }),
    status: r.status,
    scriptSummary: r.script_summary,
    script: r.script,
    keyPoints: r.key_points,
    ...(r.key_point_sources ? { keyPointSources: r.key_point_sources } : {}),
    timestamps: r.timestamps,
    videoUrl: media.status === "READY" ? media.mp4Url : r.video_url,
    thumbnailUrl: r.thumbnail_url,
    duration: r.duration,
    ratingAvg: Number(r.rating_avg),
    ratingCount: r.rating_count,
    viewCount: r.view_count,
    commentCount: r.comment_count,
    tags: r.tags,
    quiz: r.quiz,
    failureCode: r.failure_code,
    failureReason: r.failure_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    isSample: r.is_sample,
    media,
    ...(withMyRating ? { myRating: r.my_rating ?? null } : {}),
  };
}
