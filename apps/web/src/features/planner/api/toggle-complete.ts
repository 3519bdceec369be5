import type { PlannerEvent } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

/** Marks an event (or one occurrence of a recurring one) done or not done. */
export function useToggleComplete() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (e: PlannerEvent) =>
      api.updateEvent(e.id, {
        isCompleted: !e.isCompleted,
        ...(e.occurrenceDate ? { occurrenceDate: e.occurrenceDate } : {}),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}
