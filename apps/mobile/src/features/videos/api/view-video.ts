// POST /videos/:id/view: counted once per 30 minutes by the server; a failure must not disturb the lesson.
import { api } from "../../../lib/api";

export const viewVideo = (videoId: string) => api.viewVideo(videoId).catch(() => undefined);
