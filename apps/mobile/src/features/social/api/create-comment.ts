// Post a comment: sent at once, or queued with its Idempotency-Key when offline.
import type { Comment } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useOffline } from "../../offline/offline-context";
import { commentKeys } from "./keys";

export function useCreateComment(videoId: string) {
  const { perform } = useOffline();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => perform<Comment>({ kind: "createComment", videoId, text }),
    // A queued comment shows as pending; only a sent one changes the server's list.
    onSuccess: async (outcome) => {
      if (!outcome.queued) await queryClient.invalidateQueries({ queryKey: commentKeys.list(videoId) });
    },
  });
}
