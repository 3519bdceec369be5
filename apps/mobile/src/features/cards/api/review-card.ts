// Rating a card: sent at once, or kept in the offline queue with its clientId and the moment it was
// made, and replayed when the connection returns (the server records a clientId once).
import type { CardRating, CardReviewResult, DueQueue } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { newKey } from "../../../lib/ids";
import { useOffline } from "../../offline/offline-context";
import { cardKeys } from "../keys";
import { setDueCounts } from "./get-due-counts";

export function useReviewCard() {
  const qc = useQueryClient();
  const { perform } = useOffline();
  return useMutation({
    mutationFn: (v: { cardId: string; rating: CardRating }) =>
      perform<CardReviewResult>({
        kind: "reviewCard",
        cardId: v.cardId,
        rating: v.rating,
        clientId: newKey(),
        reviewedAt: new Date().toISOString(),
      }),
    onSuccess: (outcome, v) => {
      // Queued or sent, the card leaves this session's queue; the counts come with a sent review.
      qc.setQueryData<DueQueue>(cardKeys.due(), (q) =>
        q ? { ...q, items: q.items.filter((c) => c.id !== v.cardId) } : q,
      );
      if (!outcome.queued) setDueCounts(qc, outcome.result.counts);
      // A review moves the lesson's recall: the feed and profile read it afresh when next shown.
      void qc.invalidateQueries({ queryKey: cardKeys.mastery(), refetchType: "none" });
    },
  });
}
