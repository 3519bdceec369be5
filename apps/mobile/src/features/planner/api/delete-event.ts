// DELETE /planner/events/:id (online only: the offline queue holds creates and edits).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export const deleteEvent = (id: string) => api.deleteEvent(id);

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteEvent,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plannerKeys.events() }),
  });
}
