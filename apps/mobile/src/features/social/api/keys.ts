// Query keys for comments; the video channel invalidates these when a comment arrives.
export const commentKeys = {
  list: (videoId: string) => ["comments", videoId] as const,
};
