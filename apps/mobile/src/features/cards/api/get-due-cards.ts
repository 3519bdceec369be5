// The due queue (most overdue first) with the student's counts. Cards coming due with time send no
// event, so an open session asks again just after the next one is due (and at least every minute).
import { dueRefetchDelay } from "@lm/core";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";

export const getDueCards = () => api.dueCards(100);

export const QUEUE_REFETCH_MAX_MS = 60_000;

export function useDueCards() {
  return useQuery({
    queryKey: cardKeys.due(),
    queryFn: getDueCards,
    refetchInterval: (q) => Math.min(QUEUE_REFETCH_MAX_MS, dueRefetchDelay(q.state.data?.counts)),
  });
}
