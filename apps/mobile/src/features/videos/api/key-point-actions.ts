// Per key point (issue 17 item 6), as on the web: a student reports one as inaccurate; the lesson's
// creator rewrites it from the notes or has the AI reword it, and the answer replaces the cached lesson.
import type { KeyPointRegenerateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const useReportKeyPoint = (videoId: string) =>
  useMutation({ mutationFn: (index: number) => api.reportVideo(videoId, undefined, index) });

export function useRegenerateKeyPoint(videoId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ index, using }: { index: number; using?: KeyPointRegenerateInput["using"] }) =>
      api.regenerateKeyPoint(videoId, index, using),
    onSuccess: (video) => qc.setQueryData(videoKeys.detail(videoId), video),
  });
}
