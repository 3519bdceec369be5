// Listens on the signed-in user's channel: a new notification refreshes the inbox and the bell at once.
// Each time the socket comes up they are refreshed too: a notification made before the channel was
// subscribed (a reminder due the moment its event is saved, on a freshly opened app) sent its event to
// nobody.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAuth } from "../auth/auth-context";
import { useChannel } from "../realtime/use-channel";
import { notificationKeys } from "./api/keys";

export function LiveNotifications() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const userId = user?.id;
  const live = useChannel(user ? `user:${user.id}` : null, (event) => {
    if (event.event !== "notification.created") return;
    // A first fetch still in flight may have been read before this notification existed, and React
    // Query joins it rather than fetching again (it cancels only queries that hold data already):
    // cancel it, then fetch.
    void queryClient
      .cancelQueries({ queryKey: notificationKeys.all })
      .then(() => queryClient.invalidateQueries({ queryKey: notificationKeys.all }));
  });
  useEffect(() => {
    if (live && userId) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  }, [live, userId, queryClient]);
  return null;
}
