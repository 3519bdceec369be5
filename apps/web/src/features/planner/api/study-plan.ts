import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export interface PlanRequest {
  examEventId: string;
  sessionsPerWeek: number;
  minutesPerSession: number;
}

export const usePreviewPlan = () => useMutation({ mutationFn: (input: PlanRequest) => api.planStudy(input) });

export function useAcceptPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanRequest) => api.planStudy({ ...input, accept: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: plannerKeys.all }),
  });
}
