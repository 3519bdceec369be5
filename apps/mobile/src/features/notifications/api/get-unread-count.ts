// The exact unread count for the bell; 0 when signed out.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../auth/auth-context";
import { notificationKeys } from "./keys";

export const getUnreadCount = () => api.unreadCount();

export function useUnreadCount(): number {
  const { status } = useAuth();
  const { data } = useQuery({
    queryKey: notificationKeys.unreadCount(),
    enabled: status === "signedIn",
    queryFn: getUnreadCount,
    select: (d) => d.count,
  });
  return status === "signedIn" ? (data ?? 0) : 0;
}
