import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
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

/** The exact unread count for the bell. Its key sits under notificationsKey, so whatever refreshes
 * the inbox (a live notification, marking read) refreshes the count too. */
export const unreadCountKey = [...notificationsKey, "unread-count"] as const;

export function useUnreadCount(): number {
  const signedIn = useAuth((s) => s.session !== null);
  const { data } = useQuery({
    queryKey: unreadCountKey,
    queryFn: () => api.unreadCount(),
    enabled: signedIn,
    select: (d) => d.count,
  });
  return signedIn ? (data ?? 0) : 0;
}
