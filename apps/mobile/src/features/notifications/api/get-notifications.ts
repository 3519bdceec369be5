// The inbox as cursor pages, newest first; the screen asks for the next page at the list's end.
import type { Notification, Page } from "@lm/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../auth/auth-context";
import { notificationKeys } from "./keys";

export const getNotifications = (cursor: string | null): Promise<Page<Notification>> =>
  api.notifications(cursor ?? undefined);

export function useNotifications() {
  const { status } = useAuth();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(),
    enabled: status === "signedIn",
    queryFn: ({ pageParam }) => getNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
