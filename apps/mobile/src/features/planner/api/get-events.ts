// The event list, cached for offline reading: from the start of last week to three months ahead.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../auth/auth-context";
import { withOfflineFallback } from "../../offline/cache";
import { addDays, startOfWeek } from "../dates";
import { plannerKeys } from "./keys";

/** From the start of last week to three months ahead: enough for the agenda and the week view. */
export function eventsRange(now = new Date()) {
  return { from: addDays(startOfWeek(now), -7).toISOString(), to: addDays(now, 90).toISOString() };
}

export const getEvents = () => withOfflineFallback("planner", async () => (await api.listEvents(eventsRange())).items);

export function useEvents() {
  const { status } = useAuth();
  return useQuery({
    queryKey: plannerKeys.events(),
    enabled: status === "signedIn",
    queryFn: getEvents,
  });
}
