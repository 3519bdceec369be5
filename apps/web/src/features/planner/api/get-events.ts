import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export function useEvents(from: Date, to: Date) {
  const f = from.toISOString();
  const t = to.toISOString();
  return useQuery({
    queryKey: plannerKeys.events(f, t),
    queryFn: async () => (await api.listEvents({ from: f, to: t })).items,
  });
}

export function useUpcomingExams() {
  return useQuery({
    queryKey: plannerKeys.exams(),
    queryFn: async () =>
      (await api.listEvents({ type: "EXAM", from: new Date().toISOString(), completed: false })).items,
  });
}
