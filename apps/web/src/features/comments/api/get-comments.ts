import type { Comment, Page } from "@lm/core";
import { type InfiniteData, useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { commentKeys } from "./keys";

export type CommentPages = InfiniteData<Page<Comment>, string | undefined>;

export function useComments(videoId: string) {
  return useInfiniteQuery({
    queryKey: commentKeys.list(videoId),
    queryFn: ({ pageParam }) => api.listComments(videoId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Adds a comment at the top (newest first), unless it is already there; replaces it if it is. */
export function upsertComment(data: CommentPages | undefined, comment: Comment): CommentPages | undefined {
  if (!data) return data;
  const exists = data.pages.some((p) => p.items.some((c) => c.id === comment.id));
  if (exists) {
    return {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === comment.id ? comment : c)) })),
    };
  }
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first, items: [comment, ...first.items] }, ...rest] };
}

export function removeComment(data: CommentPages | undefined, id: string): CommentPages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })) };
}
