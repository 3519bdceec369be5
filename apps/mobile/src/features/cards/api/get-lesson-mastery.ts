// The signed-in student's mastery per lesson, for the feed's cards: one request for the whole list
// (each card looks itself up in the map). Signed out, nothing is fetched and the map stays empty.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";

const EMPTY: ReadonlyMap<string, number | null> = new Map();

export function useLessonMastery(enabled: boolean): ReadonlyMap<string, number | null> {
  const q = useQuery({
    queryKey: cardKeys.mastery(),
    queryFn: () => api.mastery(),
    enabled,
    select: (m) => new Map(m.lessons.map((l) => [l.videoId, l.mastery])),
    staleTime: 60_000,
  });
  return (enabled && q.data) || EMPTY;
}
