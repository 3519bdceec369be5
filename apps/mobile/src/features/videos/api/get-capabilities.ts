// GET /capabilities: what this server's generator can do (e.g. whether a topic alone is enough).
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const getCapabilities = () => api.capabilities();

/** True when the server has an AI model (not only the offline notes builder); false while unknown. */
export function useHasModel(): boolean {
  const { data } = useQuery({
    queryKey: ["capabilities"],
    queryFn: getCapabilities,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data !== undefined && data.text.provider !== "offline";
}
