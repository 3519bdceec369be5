import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { type CommentPages, upsertComment } from "./get-comments";
import { commentKeys } from "./keys";

export function useCreateComment(videoId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.createComment(videoId, text, crypto.randomUUID()),
    onSuccess: (comment) => qc.setQueryData<CommentPages>(commentKeys.list(videoId), (d) => upsertComment(d, comment)),
  });
}
