// Star rating with an optimistic update: the stars change at once and go back if the server says no.
import type { Video } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { errorMessage } from "../../../lib/errors";
import { toast } from "../../../stores/toast";
import { videoKeys } from "./keys";

/** The video as it looks right after the student gives `stars` (average recomputed locally). */
export function withRating(video: Video, stars: number): Video {
  const previous = video.myRating ?? null;
  const sum = video.ratingAvg * video.ratingCount - (previous ?? 0) + stars;
  const count = video.ratingCount + (previous === null ? 1 : 0);
  return { ...video, myRating: stars, ratingAvg: count > 0 ? sum / count : 0, ratingCount: count };
}

export function useRateVideo(videoId: string) {
  const qc = useQueryClient();
  const key = videoKeys.detail(videoId);
  return useMutation({
    mutationFn: (stars: number) => api.rate(videoId, stars, crypto.randomUUID()),
    onMutate: async (stars) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Video>(key);
      if (previous) qc.setQueryData<Video>(key, withRating(previous, stars));
      return { previous };
    },
    onError: (error, _stars, context) => {
      if (context?.previous) qc.setQueryData(key, context.previous);
      toast.error(`Your rating wasn't saved. ${errorMessage(error)}`);
    },
    onSuccess: (result) => {
      qc.setQueryData<Video>(key, (v) =>
        v ? { ...v, myRating: result.stars, ratingAvg: result.ratingAvg, ratingCount: result.ratingCount } : v,
      );
    },
  });
}
