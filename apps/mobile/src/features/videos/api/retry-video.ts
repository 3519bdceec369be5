// POST /videos/:id/retry: the maker starts a failed lesson again; the answer replaces the cached lesson.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const retryVideo = (videoId: string) => api.retryVideo(videoId);

export function useRetryVideo(videoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => retryVideo(videoId),
    onSuccess: (video) => queryClient.setQueryData(videoKeys.detail(videoId), video),
  });
}
