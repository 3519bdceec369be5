// The file URLs the native player fetches: a PUBLIC lesson's own, or for a PRIVATE lesson signed ones
// (GET /videos/:id/media-token, one hour), as on the web. Full URLs on the API's host.
import type { Video } from "@lm/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export interface MediaSources {
  mp4: string;
  captions: string;
}

export const getMediaToken = (videoId: string) => api.mediaToken(videoId);

/** The sources once they are known; null while a PRIVATE lesson's token loads or when there is no video. */
export function useMediaSources(video: Pick<Video, "id" | "status" | "media">): MediaSources | null {
  const m = video.media;
  const ready = m.status === "READY" && !!m.mp4Url && !!m.captionsUrl;
  const signed = ready && video.status === "PRIVATE";
  const token = useQuery({
    queryKey: videoKeys.mediaToken(video.id, m.mp4Url),
    queryFn: () => getMediaToken(video.id),
    enabled: signed,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!ready || !m.mp4Url || !m.captionsUrl) return null;
  if (!signed) return { mp4: api.absoluteUrl(m.mp4Url), captions: api.absoluteUrl(m.captionsUrl) };
  return token.data
    ? { mp4: api.absoluteUrl(token.data.mp4Url), captions: api.absoluteUrl(token.data.captionsUrl) }
    : null;
}
