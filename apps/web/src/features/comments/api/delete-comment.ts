import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { type CommentPages, removeComment } from "./get-comments";
import { commentKeys } from "./keys";

export function useDeleteComment(videoId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteComment(id),
    onSuccess: (_r, id) => qc.setQueryData<CommentPages>(commentKeys.list(videoId), (d) => removeComment(d, id)),
  });
}
