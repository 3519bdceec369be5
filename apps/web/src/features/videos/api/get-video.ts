import { isVideoInProgress, type Video } from "@lm/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { takeShellData } from "../../../lib/shell-data";
import { videoKeys } from "./keys";

const isPublished = (status: string) => status === "PUBLIC" || status === "PRIVATE";

export const videoQuery = (id: string) =>
  queryOptions({
    queryKey: videoKeys.detail(id),
    queryFn: () => api.getVideo(id),
    // A visitor's first page: the lesson came inside the app shell, no round trip needed.
    initialData: () => takeShellData<Video>(`video:${id}`),
    // Live updates come over the WebSocket; poll slowly too while generating or rendering the video,
    // in case it is down (a render takes minutes: every 15 s is enough).
    refetchInterval: (q) => {
      const v = q.state.data;
      if (!v) return false;
      if (isVideoInProgress(v.status)) return 5000;
      return isPublished(v.status) && (v.media.status === "PENDING" || v.media.status === "RENDERING") ? 15_000 : false;
    },
  });

export function useVideo(id: string) {
  return useQuery(videoQuery(id));
}
