import type { Comment, Page } from "@lm/core";
import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { moderationKey } from "./get-queue";

export function useModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: "APPROVE" | "REJECT" }) => api.moderate(id, decision),
    onSuccess: (_r, { id }) =>
      qc.setQueryData<InfiniteData<Page<Comment>>>(moderationKey, (d) =>
        d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== id) })) } : d,
      ),
  });
}
