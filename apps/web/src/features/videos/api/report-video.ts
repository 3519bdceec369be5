import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const useReportVideo = (id: string) =>
  useMutation({ mutationFn: (reason?: string) => api.reportVideo(id, reason) });

/** "Report inaccuracy" on one key point of a lesson. */
export const useReportKeyPoint = (id: string, index: number) =>
  useMutation({ mutationFn: (reason?: string) => api.reportVideo(id, reason, index) });

/** The creator rewrites one key point from the notes; the page shows the new lesson at once. */
export function useRegenerateKeyPoint(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (index: number) => api.regenerateKeyPoint(id, index),
    onSuccess: (video) => qc.setQueryData(videoKeys.detail(id), video),
  });
}
