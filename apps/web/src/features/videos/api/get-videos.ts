import type { VideoListQuery } from "@lm/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const FEED_PAGE_SIZE = 20;

export function useVideoFeed(query: Omit<VideoListQuery, "cursor" | "limit">) {
  const q = { ...query, limit: FEED_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: videoKeys.list(q),
    queryFn: ({ pageParam }) => api.listVideos({ ...q, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
