import type { VideoCreateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const createVideo = (input: VideoCreateInput) => api.createVideo(input, crypto.randomUUID());

export function useCreateVideo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createVideo,
    onSuccess: (video) => {
      qc.setQueryData(videoKeys.detail(video.id), video);
      void qc.invalidateQueries({ queryKey: videoKeys.lists() });
    },
  });
}
