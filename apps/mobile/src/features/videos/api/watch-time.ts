// POST /videos/:id/watch: one beat of watch time for the student's stats.
import type { WatchBeat } from "@lm/core";
import { api } from "../../../lib/api";

export const sendWatchBeat = (videoId: string, beat: WatchBeat) => api.watchVideo(videoId, beat);
