import type { Page, ReportedVideo, VideoModerationInput } from "@lm/core";
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const reportedVideosKey = ["moderation", "videos"] as const;

export const useReportedVideos = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: reportedVideosKey,
    queryFn: ({ pageParam }) => api.reportedVideos(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

/** Keep or remove a reported lesson; either way it leaves the queue. */
export function useModerateVideo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: VideoModerationInput & { id: string }) => api.moderateVideo(id, input),
    onSuccess: (_r, { id }) =>
      qc.setQueryData<InfiniteData<Page<ReportedVideo>>>(reportedVideosKey, (d) =>
        d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((r) => r.video.id !== id) })) } : d,
      ),
  });
}
