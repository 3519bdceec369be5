// "Watch the moment": a review card links to /videos/:id?t=<second>; this starts the lesson there.
import { type RefObject, useEffect } from "react";
import { useSearchParams } from "react-router";
import type { PlayerHandle } from "../../videos/player/LessonPlayer";

export function StartAtMoment({ player }: { player: RefObject<PlayerHandle | null> }) {
  const [params] = useSearchParams();
  const t = Number(params.get("t"));
  useEffect(() => {
    if (!Number.isFinite(t) || t <= 0) return;
    // The lesson's media may mount after this (the video once its sources load): wait for its handle.
    let tries = 0;
    const id = setInterval(() => {
      if (player.current) player.current.seek(t);
      if (player.current || ++tries > 50) clearInterval(id);
    }, 100);
    return () => clearInterval(id);
  }, [t, player]);
  return null;
}
