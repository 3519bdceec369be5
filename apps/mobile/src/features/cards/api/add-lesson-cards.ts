// "Add to my cards" from the player: the lesson's key points and quiz questions join the student's
// deck; the answer carries fresh due counts for the Review tab's badge.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";
import { setDueCounts } from "./get-due-counts";

export function useAddLessonCards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (videoId: string) => api.addLessonCards(videoId),
    onSuccess: (result) => {
      setDueCounts(qc, result.counts);
      // The queue itself is stale now: new cards are due at once.
      void qc.invalidateQueries({ queryKey: cardKeys.due() });
    },
  });
}
