import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const moderationKey = ["moderation", "queue"] as const;

export const useModerationQueue = (enabled: boolean) =>
  useInfiniteQuery({
    queryKey: moderationKey,
    queryFn: ({ pageParam }) => api.moderationQueue(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
