import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export function useRetryVideo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.retryVideo(id),
    onSuccess: (video) => qc.setQueryData(videoKeys.detail(video.id), video),
  });
}
