// Create or edit an event through the offline queue (sent at once when online).
import type { PlannerEvent, PlannerEventCreateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useOffline } from "../../offline/offline-context";
import { plannerKeys } from "./keys";

export function useSaveEvent() {
  const { perform } = useOffline();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: PlannerEventCreateInput }) =>
      args.id
        ? perform<PlannerEvent>({ kind: "updateEvent", id: args.id, input: args.input })
        : perform<PlannerEvent>({ kind: "createEvent", input: args.input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plannerKeys.events() }),
  });
}
