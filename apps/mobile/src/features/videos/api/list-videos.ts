// The feed query: cursor pages of public videos; the first page is kept for offline reading.
import type { Difficulty, Page, Subject, Video } from "@lm/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { withOfflineFallback } from "../../offline/cache";

export type FeedSort = "new" | "top" | "trending";

export interface FeedFilters {
  sort: FeedSort;
  subject: Subject | null;
  difficulty: Difficulty | null;
  q: string;
}

export const feedKey = (f: FeedFilters) => ["videos", "feed", f.sort, f.subject, f.difficulty, f.q.trim()] as const;

export function fetchFeedPage(f: FeedFilters, cursor: string | null): Promise<Page<Video>> {
  const query = {
    sort: f.sort,
    subject: f.subject ?? undefined,
    difficulty: f.difficulty ?? undefined,
    q: f.q.trim() || undefined,
  };
  if (cursor) return api.listVideos({ ...query, cursor });
  return withOfflineFallback(`feed:${feedKey(f).slice(2).join("|")}`, () => api.listVideos(query));
}

export function useFeed(filters: FeedFilters) {
  return useInfiniteQuery({
    queryKey: feedKey(filters),
    queryFn: ({ pageParam }) => fetchFeedPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
