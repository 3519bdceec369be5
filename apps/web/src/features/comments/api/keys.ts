export const commentKeys = { list: (videoId: string) => ["comments", videoId] as const };
