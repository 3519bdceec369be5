// The deck on the web: the due queue (with its counts), reviews and adding a lesson's cards.
import type { CardRating, DueQueue } from "@lm/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export const cardKeys = {
  all: ["cards"] as const,
  due: ["cards", "due"] as const,
  forecast: ["cards", "forecast"] as const,
};

/** Cards due per local day for the next six weeks (the planner's month and agenda views). */
export function useDueForecast() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({
    queryKey: cardKeys.forecast,
    queryFn: () => api.dueForecast(42),
    enabled: signedIn,
    select: (f) => new Map(f.days.map((d) => [d.date, d.due])),
    staleTime: 60_000,
  });
}

export function useDueCards() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({
    queryKey: cardKeys.due,
    queryFn: () => api.dueCards(100),
    enabled: signedIn,
    // Cards come due while the page is open (learning steps return within minutes).
    refetchInterval: 60_000,
  });
}

export function useReviewCard() {
  const qc = useQueryClient();
  return useMutation({
    // One clientId per review, made here: a retried request is recorded once by the server.
    mutationFn: (v: { id: string; rating: CardRating; clientId: string }) =>
      api.reviewCard(v.id, { rating: v.rating, clientId: v.clientId }),
    onSuccess: (r) => {
      // The answer carries the fresh counts; the queue drops the card until it comes due again.
      qc.setQueryData<DueQueue>(cardKeys.due, (q) =>
        q ? { counts: r.counts, items: q.items.filter((c) => c.id !== r.card.id) } : q,
      );
    },
  });
}

export function useAddLessonCards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (videoId: string) => api.addLessonCards(videoId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cardKeys.all }),
  });
}
