import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export function useImportIcs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ics: string) => api.importCalendar(ics),
    onSuccess: () => qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}
