// Tick an event (or one occurrence of a repeating one) done or not done, also offline.
import type { PlannerEvent, PlannerEventUpdateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useOffline } from "../../offline/offline-context";
import { plannerKeys } from "./keys";

export function useToggleComplete() {
  const { perform } = useOffline();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: PlannerEvent) => {
      const input: PlannerEventUpdateInput = { isCompleted: !event.isCompleted };
      if (event.occurrenceDate) input.occurrenceDate = event.occurrenceDate;
      return perform<PlannerEvent>({ kind: "updateEvent", id: event.id, input });
    },
    // Tick at once, also offline; the list refreshes from the server afterwards.
    onMutate: (event) =>
      queryClient.setQueryData<PlannerEvent[]>(plannerKeys.events(), (old) =>
        old?.map((e) => (e === event ? { ...e, isCompleted: !e.isCompleted } : e)),
      ),
    onSettled: (outcome) => {
      if (!outcome?.queued) void queryClient.invalidateQueries({ queryKey: plannerKeys.events() });
    },
  });
}
