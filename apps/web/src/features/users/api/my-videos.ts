import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const useMyVideos = () =>
  useInfiniteQuery({
    queryKey: ["videos", "list", { createdBy: "me" }],
    queryFn: ({ pageParam }) => api.listVideos({ createdBy: "me", cursor: pageParam, limit: 12 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
