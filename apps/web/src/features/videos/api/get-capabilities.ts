import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";

/** What this server can do (GET /capabilities): decided at its start-up, so fetched once a session. */
export function useCapabilities() {
  return useQuery({
    queryKey: ["capabilities"],
    queryFn: () => api.capabilities(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** False only when the server says a topic alone is not enough; unknown (loading, failed) → let the server decide. */
export function useNeedsNotes(): boolean {
  return useCapabilities().data?.text.topicOnly === false;
}

/** True when the server has an AI model (not only the offline notes builder); false while unknown. */
export function useHasModel(): boolean {
  const provider = useCapabilities().data?.text.provider;
  return provider !== undefined && provider !== "offline";
}
