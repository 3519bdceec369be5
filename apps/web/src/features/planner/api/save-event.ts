import type { PlannerEventCreateInput, PlannerEventUpdateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlannerEventCreateInput) => api.createEvent(input, crypto.randomUUID()),
    onSuccess: () => qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}

export function useUpdateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PlannerEventUpdateInput }) => api.updateEvent(id, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}
