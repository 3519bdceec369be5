// The due queue (most overdue first) with the student's counts.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";

export const getDueCards = () => api.dueCards(100);

export function useDueCards() {
  return useQuery({ queryKey: cardKeys.due(), queryFn: getDueCards });
}
