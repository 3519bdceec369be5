// Where a lesson is in its life: still being written, or finished (ready, failed or rejected).
import type { VideoStatus } from "./enums.js";

/** Queued or being written: screens show progress and keep polling. */
export const isVideoInProgress = (status: VideoStatus): boolean => status === "PENDING" || status === "GENERATING";

/** Past generation, whatever the outcome: published, private, failed or rejected. */
export const isVideoFinished = (status: VideoStatus): boolean => !isVideoInProgress(status);
