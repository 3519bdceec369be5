// The lesson's captions.vtt, parsed into cues; a file URL never changes content, so it is fetched once.
import { parseWebVtt } from "@lm/core";
import { useQuery } from "@tanstack/react-query";
import { videoKeys } from "./keys";

export async function getCaptions(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`captions: HTTP ${res.status}`);
  return parseWebVtt(await res.text());
}

export function useCaptions(url: string) {
  return useQuery({
    queryKey: videoKeys.captions(url),
    queryFn: () => getCaptions(url),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
