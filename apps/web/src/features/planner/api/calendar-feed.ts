import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { plannerKeys } from "./keys";

export const useCalendarFeed = (enabled: boolean) =>
  useQuery({
    queryKey: plannerKeys.feed(),
    queryFn: () => api.calendarFeed(),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
