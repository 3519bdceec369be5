import type { Page, Video, VideoListQuery } from "@lm/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { takeShellData } from "../../../lib/shell-data";
import { videoKeys } from "./keys";

export const FEED_PAGE_SIZE = 20;

export function useVideoFeed(query: Omit<VideoListQuery, "cursor" | "limit">) {
  const q = { ...query, limit: FEED_PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: videoKeys.list(q),
    queryFn: ({ pageParam }) => api.listVideos({ ...q, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A visitor's first page of the default feed came inside the app shell.
    initialData: () => {
      const isDefault = !query.subject && !query.difficulty && !query.q && (query.sort ?? "new") === "new";
      const first = isDefault ? takeShellData<Page<Video>>("feed") : undefined;
      return first ? { pages: [first], pageParams: [undefined] } : undefined;
    },
  });
}
