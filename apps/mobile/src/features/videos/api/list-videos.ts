// The feed query: cursor pages of public videos; the first page is kept for offline reading.
import type { Page, Video } from "@lm/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { withOfflineFallback } from "../../offline/cache";
import { type FeedFilters, videoKeys } from "./keys";

export type { FeedFilters, FeedSort } from "./keys";

export function fetchFeedPage(f: FeedFilters, cursor: string | null): Promise<Page<Video>> {
  const query = {
    sort: f.sort,
    subject: f.subject ?? undefined,
    difficulty: f.difficulty ?? undefined,
    q: f.q.trim() || undefined,
  };
  if (cursor) return api.listVideos({ ...query, cursor });
  return withOfflineFallback(`feed:${videoKeys.feed(f).slice(2).join("|")}`, () => api.listVideos(query));
}

export function useFeed(filters: FeedFilters) {
  return useInfiniteQuery({
    queryKey: videoKeys.feed(filters),
    queryFn: ({ pageParam }) => fetchFeedPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
