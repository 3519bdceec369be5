// One video, kept fresh by the `video:<id>` channel; polls while generating if the socket is down.
import { isVideoFinished, type Video } from "@lm/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { withOfflineFallback } from "../../offline/cache";
import { useChannel } from "../../realtime/use-channel";
import { commentKeys } from "../../social/api/keys";
import { videoKeys } from "./keys";

export const POLL_MS = 3000;

export const getVideo = (id: string) => withOfflineFallback(`video:${id}`, () => api.getVideo(id));

export function useVideo(id: string) {
  const queryClient = useQueryClient();
  const live = useChannel(`video:${id}`, (event) => {
    if (event.event === "video.updated") {
      // A summary (core's VideoUpdatedEvent): `createdBy` is an id there, never the cached PublicUser,
      // and `media` holds only status, progress and failure, so it merges into the cached one; the
      // refetch brings the rest (the files' URLs when READY).
      const { createdBy: _creatorId, media, ...rest } = event.data;
      queryClient.setQueryData<Video>(videoKeys.detail(id), (old) =>
        old
          ? {
              ...old,
              ...rest,
              media: media && media.status !== "READY" ? { ...old.media, ...media } : old.media,
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: videoKeys.detail(id) });
    }
    if (event.event === "rating.updated") void queryClient.invalidateQueries({ queryKey: videoKeys.detail(id) });
    if (event.event.startsWith("comment.")) void queryClient.invalidateQueries({ queryKey: commentKeys.list(id) });
  });
  return useQuery({
    queryKey: videoKeys.detail(id),
    queryFn: () => getVideo(id),
    // Polling fallback: while the lesson is being written and no live socket tells us, ask every few seconds.
    refetchInterval: (query) => {
      const video = query.state.data;
      if (!video) return false;
      if (!isVideoFinished(video.status)) return live ? 15_000 : POLL_MS;
      // A published lesson's video renders for a minute or more: a slow poll is enough without the socket.
      const rendering = video.media?.status === "PENDING" || video.media?.status === "RENDERING";
      return rendering && (video.status === "PUBLIC" || video.status === "PRIVATE") ? 15_000 : false;
    },
  });
}
