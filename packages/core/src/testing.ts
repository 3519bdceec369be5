// Test doubles for code built on @lm/core (`@lm/core/testing`).
export { FakeRealtimeSocket } from "./realtime/fake-socket.js";

import type { VideoUpdatedEvent } from "./schemas/realtime.js";
import type { Video } from "./schemas/videos.js";

/** The `video.updated` summary the server sends for `video` (createdBy is an id there), with changes. */
export function videoUpdatedData(video: Video, over: Partial<VideoUpdatedEvent> = {}): VideoUpdatedEvent {
  return {
    id: video.id,
    status: video.status,
    title: video.title,
    failureCode: video.failureCode,
    failureReason: video.failureReason,
    thumbnailUrl: video.thumbnailUrl,
    createdBy: video.createdBy.id,
    ...over,
  };
}
