// Planner queries and writes: the event list (cached for offline reading) and queued saves.
import type { PlannerEvent, PlannerEventCreateInput, PlannerEventUpdateInput } from "@lm/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useAuth } from "../../auth/auth-context";
import { api } from "../../../lib/api";
import { withOfflineFallback } from "../../offline/cache";
import { useOffline } from "../../offline/offline-context";
import { addDays, startOfWeek } from "../dates";

export const eventsKey = ["planner", "events"] as const;

/** From the start of last week to three months ahead: enough for the agenda and the week view. */
export function eventsRange(now = new Date()) {
  return { from: addDays(startOfWeek(now), -7).toISOString(), to: addDays(now, 90).toISOString() };
}

export function useEvents() {
  const { status } = useAuth();
  return useQuery({
    queryKey: eventsKey,
    enabled: status === "signedIn",
    queryFn: () => withOfflineFallback("planner", async () => (await api.listEvents(eventsRange())).items),
  });
}

export function useSaveEvent() {
  const { perform } = useOffline();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { id?: string; input: PlannerEventCreateInput }) =>
      args.id
        ? perform<PlannerEvent>({ kind: "updateEvent", id: args.id, input: args.input })
        : perform<PlannerEvent>({ kind: "createEvent", input: args.input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
}

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
      queryClient.setQueryData<PlannerEvent[]>(eventsKey, (old) =>
        old?.map((e) => (e === event ? { ...e, isCompleted: !e.isCompleted } : e)),
      ),
    onSettled: (outcome) => {
      if (!outcome?.queued) void queryClient.invalidateQueries({ queryKey: eventsKey });
    },
  });
}

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteEvent(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventsKey }),
  });
}
