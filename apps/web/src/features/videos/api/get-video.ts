import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export const isInProgress = (status: string) => status === "PENDING" || status === "GENERATING";

export const videoQuery = (id: string) =>
  queryOptions({
    queryKey: videoKeys.detail(id),
    queryFn: () => api.getVideo(id),
    // Live updates come over the WebSocket; poll slowly too while generating, in case it is down.
    refetchInterval: (q) => (q.state.data && isInProgress(q.state.data.status) ? 5000 : false),
  });

export function useVideo(id: string) {
  return useQuery(videoQuery(id));
}
