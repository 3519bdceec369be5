import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { videoKeys } from "./keys";

export function useDeleteVideo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteVideo(id),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: videoKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: videoKeys.lists() });
    },
  });
}
