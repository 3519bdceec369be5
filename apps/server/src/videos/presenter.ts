// Row → Video. The select list and the presenter live together so they cannot drift apart.
import type { KeyPointSource, QuizQuestion, Video, VideoFailureCode } from "@lm/core";
import { MEDIA_SELECT, type MediaColumns, toVideoMedia } from "../media/render/presenter.js";
import { toPublicUser } from "../users/index.js";

/** Columns every video query selects (`v` = videos, `u` = public_users, `my` = the caller's rating). */
export const VIDEO_SELECT = `
  v.id, v.title, v.subject, v.difficulty, v.topic, v.status, v.script_summary, v.script, v.key_points, v.key_point_sources,
  v.timestamps, v.video_url, v.thumbnail_url, v.duration, v.rating_avg, v.rating_count, v.view_count,
  v.comment_count, v.tags, v.quiz, v.failure_code, v.failure_reason, v.created_at, v.updated_at, v.is_sample,
  u.id as u_id, u.display_name as u_display_name, u.avatar_color as u_avatar_color,
  u.subjects as u_subjects, u.created_at as u_created_at, ${MEDIA_SELECT}`;

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
  created_at: Date;
  updated_at: Date;
  is_sample: boolean;
  u_id: string;
  u_display_name: string;
  u_avatar_color: string;
  u_subjects: string[];
  u_created_at: Date;
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
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    isSample: r.is_sample,
    media,
    ...(withMyRating ? { myRating: r.my_rating ?? null } : {}),
  };
}
