// Where a lesson is in its life: still being written, or finished (ready, failed or rejected).
import type { VideoStatus } from "./enums.js";
import type { VideoMedia } from "./schemas/videos.js";

/** Queued or being written: screens show progress and keep polling. */
export const isVideoInProgress = (status: VideoStatus): boolean => status === "PENDING" || status === "GENERATING";

/** Past generation, whatever the outcome: published, private, failed or rejected. */
export const isVideoFinished = (status: VideoStatus): boolean => !isVideoInProgress(status);

/** A lesson with no video and none coming; `failureReason` says why, when there is something to say. */
export const unavailableMedia = (failureReason: string | null = null): VideoMedia => ({
  status: "UNAVAILABLE",
  progress: 0,
  durationSec: null,
  sizeBytes: null,
  mp4Url: null,
  captionsUrl: null,
  chaptersUrl: null,
  failureCode: null,
  failureReason,
});
