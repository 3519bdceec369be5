// The newest page of the inbox (the server's default page size).
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../auth/auth-context";
import { notificationKeys } from "./keys";

export const getNotifications = async () => (await api.notifications()).items;

export function useNotifications() {
  const { status } = useAuth();
  return useQuery({
    queryKey: notificationKeys.list(),
    enabled: status === "signedIn",
    queryFn: getNotifications,
  });
}
