// Keeps the Review tab's count live: `cards.counts` on the student's channel (a review on any device).
import { useQueryClient } from "@tanstack/react-query";
import { useAuth } from "../auth/auth-context";
import { useChannel } from "../realtime/use-channel";
import { setDueCounts, useDueCounts } from "./api/get-due-counts";

export function LiveDueCounts() {
  const { user } = useAuth();
  const qc = useQueryClient();
  useChannel(user ? `user:${user.id}` : null, (event) => {
    if (event.event === "cards.counts") setDueCounts(qc, event.data);
  });
  return null;
}

/** The tab badge: the due count while signed in, nothing at zero. */
export function useDueBadge(): number | undefined {
  const { user } = useAuth();
  const due = useDueCounts(Boolean(user)).data?.due ?? 0;
  return due > 0 ? due : undefined;
}
