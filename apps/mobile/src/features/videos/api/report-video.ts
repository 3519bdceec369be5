// POST /videos/:id/report: a student flags a published lesson for the moderators.
import { api } from "../../../lib/api";

export const reportVideo = (videoId: string, reason?: string) => api.reportVideo(videoId, reason);
