// Listens on the signed-in user's channel: new notifications and progress of their own lessons.
import { useQueryClient } from "@tanstack/react-query";
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
      void qc.invalidateQueries({ queryKey: notificationsKey });
    } else if (e.event === "video.updated") {
      void qc.invalidateQueries({ queryKey: ["videos", "detail", e.data.id] });
    }
  });
  return null;
}
