// The videos feature's query keys in one place, so a write invalidates exactly what it changed.
import type { Difficulty, Subject } from "@lm/core";

export type FeedSort = "new" | "top" | "trending";

/** What the feed is filtered by: part of its query key, so it lives beside the keys. */
export interface FeedFilters {
  sort: FeedSort;
  subject: Subject | null;
  difficulty: Difficulty | null;
  q: string;
}

export const videoKeys = {
  all: ["videos"] as const,
  feed: (f: FeedFilters) => ["videos", "feed", f.sort, f.subject, f.difficulty, f.q.trim()] as const,
  detail: (id: string) => ["videos", "one", id] as const,
  mediaToken: (id: string, mp4Url: string | null | undefined) => ["videos", "media-token", id, mp4Url] as const,
  captions: (url: string) => ["captions", url] as const,
};
