import type { VideoUpdateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export function useUpdateVideo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: VideoUpdateInput) => api.updateVideo(id, input),
    onSuccess: (video) => {
      qc.setQueryData(videoKeys.detail(id), video);
      void qc.invalidateQueries({ queryKey: videoKeys.lists() });
    },
  });
}
