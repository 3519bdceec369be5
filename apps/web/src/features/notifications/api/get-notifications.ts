import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export const notificationsKey = ["notifications"] as const;

export function useNotifications() {
  const signedIn = useAuth((s) => s.session !== null);
  return useInfiniteQuery({
    queryKey: notificationsKey,
    queryFn: ({ pageParam }) => api.notifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: signedIn,
  });
}

/** Unread among the first page (the contract has no count endpoint); "20+" style when more. */
export function useUnreadCount(): { count: number; more: boolean } {
  const { data } = useNotifications();
  const first = data?.pages[0];
  if (!first) return { count: 0, more: false };
  const count = first.items.filter((n) => n.readAt === null).length;
  return { count, more: count === first.items.length && first.nextCursor !== null };
}
