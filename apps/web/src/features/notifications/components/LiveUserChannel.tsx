// Listens on the signed-in user's channel: new notifications, progress of their own lessons and
// their due counts (the nav's "Review" badge).
import { useQueryClient } from "@tanstack/react-query";
import { setLiveCounts } from "../../cards/api/cards";
import { useChannel } from "../../../lib/realtime";
import { useAuth } from "../../../stores/auth";
import { toast } from "../../../stores/toast";
import { notificationsKey } from "../api/get-notifications";

export function LiveUserChannel() {
  const userId = useAuth((s) => s.user?.id ?? null);
  const qc = useQueryClient();
  useChannel(userId ? `user:${userId}` : null, (e) => {
    if (e.event === "notification.created") {
      if (e.data.title) toast.info(e.data.title);
      // A first count still loading may predate this notification, and React Query joins a fetch in
      // flight for a query without data instead of refetching: cancel it, then fetch.
      void qc
        .cancelQueries({ queryKey: notificationsKey })
        .then(() => qc.invalidateQueries({ queryKey: notificationsKey }));
    } else if (e.event === "video.updated") {
      void qc.invalidateQueries({ queryKey: ["videos", "detail", e.data.id] });
    } else if (e.event === "cards.counts") {
      setLiveCounts(qc, e.data);
    }
  });
  return null;
}
