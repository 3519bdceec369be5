import type { KeyPointRegenerateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const useReportVideo = (id: string) =>
  useMutation({ mutationFn: (reason?: string) => api.reportVideo(id, reason) });

/** "Report inaccuracy" on one key point of a lesson. */
export const useReportKeyPoint = (id: string, index: number) =>
  useMutation({ mutationFn: (reason?: string) => api.reportVideo(id, reason, index) });

/** The creator rewrites one key point from the notes or with the AI; the page shows the new lesson at once. */
export function useRegenerateKeyPoint(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ index, using }: { index: number; using?: KeyPointRegenerateInput["using"] }) =>
      api.regenerateKeyPoint(id, index, using),
    onSuccess: (video) => qc.setQueryData(videoKeys.detail(id), video),
  });
}
