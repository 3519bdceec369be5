// The file URLs a <video> element can fetch. A PUBLIC lesson's files are open to all; a PRIVATE
// lesson's need the viewer's identity, which a <video src> cannot send as a header, so they come
// signed (GET /videos/:id/media-token, one hour). Paths become full URLs on the API's origin, so
// the desktop app (whose pages come from app://) fetches them from the server too.
import type { Video } from "@lm/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export interface MediaSources {
  mp4: string;
  captions: string;
  chapters: string;
}

export type MediaSourceState =
  | { state: "none" }
  | { state: "loading" }
  | { state: "error" }
  | { state: "ready"; sources: MediaSources; renew: (() => Promise<unknown>) | null };

export function useMediaSources(video: Pick<Video, "id" | "status" | "media">): MediaSourceState {
  const m = video.media;
  const files = m.status === "READY" && m.mp4Url && m.captionsUrl && m.chaptersUrl ? m : null;
  const signed = !!files && video.status === "PRIVATE";
  const token = useQuery({
    // Per render: a new render (new URLs) needs a new token.
    queryKey: [...videoKeys.detail(video.id), "media-token", files?.mp4Url ?? null],
    queryFn: () => api.mediaToken(video.id),
    enabled: signed,
    // Renewed only when the player reports a failed load: a new URL mid-play would restart the video.
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  if (!files?.mp4Url || !files.captionsUrl || !files.chaptersUrl) return { state: "none" };
  if (!signed) {
    return {
      state: "ready",
      sources: {
        mp4: api.absoluteUrl(files.mp4Url),
        captions: api.absoluteUrl(files.captionsUrl),
        chapters: api.absoluteUrl(files.chaptersUrl),
      },
      renew: null,
    };
  }
  if (token.data) {
    const t = token.data;
    return {
      state: "ready",
      sources: {
        mp4: api.absoluteUrl(t.mp4Url),
        captions: api.absoluteUrl(t.captionsUrl),
        chapters: api.absoluteUrl(t.chaptersUrl),
      },
      renew: token.refetch,
    };
  }
  return token.isError ? { state: "error" } : { state: "loading" };
}
