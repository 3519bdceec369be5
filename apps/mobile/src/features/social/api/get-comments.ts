// A lesson's comments, newest first, in cursor pages.
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { commentKeys } from "./keys";

export const getComments = (videoId: string, cursor?: string) => api.listComments(videoId, cursor);

export function useComments(videoId: string) {
  return useInfiniteQuery({
    queryKey: commentKeys.list(videoId),
    queryFn: ({ pageParam }) => getComments(videoId, pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
