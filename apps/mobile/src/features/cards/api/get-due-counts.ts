// The due counts alone, for the Review tab's badge: one card is asked for (the counts come with any
// queue). `cards.counts` events keep it live (LiveDueCounts); cards coming due with time send none,
// so the badge asks again just after the next card is due, as the counts say (nextDueAt).
import { type DueCounts, type DueQueue, dueRefetchDelay } from "@lm/core";
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";

export const getDueCounts = async () => (await api.dueCards(1)).counts;

export function useDueCounts(enabled: boolean) {
  return useQuery({
    queryKey: cardKeys.counts(),
    queryFn: getDueCounts,
    enabled,
    // Recomputed whenever the counts change (an event, a review); React Query stops it on unmount.
    refetchInterval: (q) => dueRefetchDelay(q.state.data),
  });
}

/** Fresh counts from the server (a review's answer or an event from any device). */
export function setDueCounts(qc: QueryClient, counts: DueCounts) {
  qc.setQueryData<DueCounts>(cardKeys.counts(), counts);
  qc.setQueryData<DueQueue>(cardKeys.due(), (q) => (q ? { ...q, counts } : q));
}
