// The deck on the web: the due queue (with its counts), reviews and adding a lesson's cards.
import { type CardRating, type DueCounts, type DueQueue, dueRefetchDelay } from "@lm/core";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export const cardKeys = {
  all: ["cards"] as const,
  due: ["cards", "due"] as const,
  counts: ["cards", "counts"] as const,
  forecast: ["cards", "forecast"] as const,
  mastery: ["cards", "mastery"] as const,
  settings: ["cards", "settings"] as const,
};

/**
 * The signed-in student's mastery: one request for the whole page (the feed looks each card up in
 * the map instead of asking per card). Signed out, nothing is fetched and the map stays empty.
 */
export function useMastery() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({
    queryKey: cardKeys.mastery,
    queryFn: () => api.mastery(),
    enabled: signedIn,
    select: (m) => ({
      subjects: m.subjects,
      lessons: m.lessons,
      byLesson: new Map(m.lessons.map((l) => [l.videoId, l.mastery])),
    }),
    staleTime: 60_000,
  });
}

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
    // Cards come due while the page is open (learning steps return within minutes): asked again when
    // the next one is due, and at least every minute.
    refetchInterval: (q) => Math.min(60_000, dueRefetchDelay(q.state.data?.counts)),
  });
}

/**
 * The due counts alone, for the nav's "Review" badge: one card is asked for (the counts come with
 * any queue). Kept live by `cards.counts` events on the student's channel (see setLiveCounts).
 */
export function useDueCounts() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({
    queryKey: cardKeys.counts,
    queryFn: async () => (await api.dueCards(1)).counts,
    enabled: signedIn,
    // Cards come due with time, which sends no event: the counts say when the next one is due, and
    // the badge asks again just then (recomputed whenever the counts change; stopped on unmount).
    refetchInterval: (q) => dueRefetchDelay(q.state.data),
  });
}

/** New counts from the server (a review here, or a `cards.counts` event from any device). */
export function setLiveCounts(qc: QueryClient, counts: DueCounts) {
  qc.setQueryData<DueCounts>(cardKeys.counts, counts);
  qc.setQueryData<DueQueue>(cardKeys.due, (q) => (q ? { ...q, counts } : q));
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
      qc.setQueryData<DueCounts>(cardKeys.counts, r.counts);
      // A review moves the lesson's recall: the profile and feed read it afresh when next shown.
      void qc.invalidateQueries({ queryKey: cardKeys.mastery, refetchType: "none" });
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

/** The scheduler settings: desired retention and whether the weights are fitted to the student. */
export function useCardSettings() {
  const signedIn = useAuth((s) => s.session !== null);
  return useQuery({ queryKey: cardKeys.settings, queryFn: () => api.cardSettings(), enabled: signedIn });
}

/** Fits the student's FSRS weights to their reviews; the settings then say so. */
export function useOptimizeCards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.optimizeCards(),
    onSuccess: () => void qc.invalidateQueries({ queryKey: cardKeys.settings }),
  });
}
