// video_media row → the contract's VideoMedia. URLs carry the render's version so caches may keep
// each file for good; a new render gets new URLs.
import { type MediaFailureCode, unavailableMedia, type VideoMedia } from "@lm/core";

/** The media columns every video query selects (`m` = video_media, left-joined: old lessons have none). */
export const MEDIA_SELECT = `m.status as m_status, m.progress as m_progress, m.duration_sec as m_duration_sec,
  m.size_bytes as m_size_bytes, m.version as m_version, m.failure_code as m_failure_code,
  m.failure_reason as m_failure_reason`;

export interface MediaColumns {
  m_status: VideoMedia["status"] | null;
  m_progress: number | null;
  m_duration_sec: string | number | null;
  m_size_bytes: string | number | null;
  m_version: string | number | null;
  m_failure_code: MediaFailureCode | null;
  m_failure_reason: string | null;
}

export const mediaUrl = (videoId: string, file: "video.mp4" | "captions.vtt" | "chapters.vtt", version: string) =>
  `/api/v1/videos/${videoId}/${file}?v=${version}`;

const NO_LESSON = "There is no lesson to make a video of.";

/**
 * A lesson still being written has no row yet (PENDING: the video follows the lesson); nor has one
 * whose writing failed (UNAVAILABLE). A published lesson from before videos existed gets its row
 * when a worker starts (see queue.ts).
 */
export function toVideoMedia(videoId: string, lessonStatus: string, r: MediaColumns): VideoMedia {
  const ready = r.m_status === "READY" && r.m_version !== null;
  const version = String(r.m_version);
  if (r.m_status === null && (lessonStatus === "FAILED" || lessonStatus === "REJECTED"))
    return unavailableMedia(NO_LESSON);
  return {
    status: r.m_status ?? "PENDING",
    progress: r.m_status === "READY" ? 100 : (r.m_progress ?? 0),
    durationSec: r.m_duration_sec === null ? null : Number(r.m_duration_sec),
    sizeBytes: r.m_size_bytes === null ? null : Number(r.m_size_bytes),
    mp4Url: ready ? mediaUrl(videoId, "video.mp4", version) : null,
    captionsUrl: ready ? mediaUrl(videoId, "captions.vtt", version) : null,
    chaptersUrl: ready ? mediaUrl(videoId, "chapters.vtt", version) : null,
    failureCode: r.m_failure_code,
    failureReason: r.m_failure_reason,
  };
}
