import type { VideoListQuery } from "@lm/core";

export const videoKeys = {
  all: ["videos"] as const,
  lists: () => ["videos", "list"] as const,
  list: (q: VideoListQuery) => ["videos", "list", q] as const,
  detail: (id: string) => ["videos", "detail", id] as const,
};
