// Rate a lesson 1–5 stars through the offline queue; a sent rating updates the cached lesson's average.
import type { Video } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useOffline } from "../../offline/offline-context";
import { videoKeys } from "../../videos/api/keys";

export type RateResult = { videoId: string; stars: number; ratingAvg: number; ratingCount: number };

export function useRateVideo(videoId: string) {
  const { perform } = useOffline();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stars: number) => perform<RateResult>({ kind: "rate", videoId, stars }),
    onSuccess: (outcome, stars) => {
      if (outcome.queued) return;
      const { ratingAvg, ratingCount } = outcome.result;
      queryClient.setQueryData<Video>(videoKeys.detail(videoId), (v) =>
        v ? { ...v, ratingAvg, ratingCount, myRating: stars } : v,
      );
    },
  });
}
