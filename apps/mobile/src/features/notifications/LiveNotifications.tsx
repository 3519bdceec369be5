// Listens on the signed-in user's channel: a new notification refreshes the inbox and the bell at once.
import { useQueryClient } from "@tanstack/react-query";
import { useAuth } from "../auth/auth-context";
import { useChannel } from "../realtime/use-channel";
import { notificationKeys } from "./api/keys";

export function LiveNotifications() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  useChannel(user ? `user:${user.id}` : null, (event) => {
    if (event.event === "notification.created") void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  });
  return null;
}
