// The feed's grid: every loaded card in the page's normal flow, each one skipped by the browser's
// style, layout and paint while it is off screen (`content-visibility: auto`), and the next cursor
// page asked for when the end of the list comes near.
//
// Why not a JavaScript virtualiser (the feed used @tanstack/react-virtual before): it measures every
// row inside React's commit and re-renders when the measurement differs from its guess, which on a
// phone's first paint was the longest task of the page; the browser's own skipping costs nothing
// and keeps find-in-page, anchor links and the screen reader's list length working.
import type { Video } from "@lm/core";
import { memo, useDeferredValue, useEffect, useRef } from "react";
import { VideoCard, VideoCardSkeleton } from "./VideoCard";

// A loaded card never changes while the feed grows: render only the new ones.
const Card = memo(VideoCard);

/** The cards of the first commit: a phone's screen and a laptop's first row. */
const FIRST_PAINT = 3;
/** How far below the screen the next page starts loading (a few rows of cards). */
const LOAD_AHEAD = "1200px";

interface Props {
  videos: Video[];
  query: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  /** Mastery per lesson id for the signed-in student (one map for the page, not a request per card). */
  mastery?: ReadonlyMap<string, number | null>;
}

function useNearEnd(enabled: boolean, onNear: () => void) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latest = useRef(onNear);
  latest.current = onNear;
  // A new observer per page (enabled goes false while loading): one that already sees the sentinel
  // fires again once the page has grown, so a short page on a tall screen keeps loading.
  useEffect(() => {
    const el = sentinel.current;
    if (!enabled || !el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && latest.current(), {
      rootMargin: `0px 0px ${LOAD_AHEAD} 0px`,
    });
    io.observe(el);
    return () => io.disconnect();
  }, [enabled]);
  return sentinel;
}

export function VideoGrid({ videos, query, hasMore, loadingMore, onLoadMore, mastery }: Props) {
  // The cards on screen paint in the first commit, the rest in a second, interruptible one right
  // after: the first picture (the page's largest paint) waits for three cards, not twenty.
  const all = useDeferredValue(true, false);
  const shown = all ? videos : videos.slice(0, FIRST_PAINT);
  // Not before every card is there: the sentinel under three cards would ask for a page too early.
  const sentinel = useNearEnd(all && hasMore && !loadingMore, onLoadMore);
  return (
    <div>
      <ul aria-label="Lessons" className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((v, i) => (
          // The first three are on screen at every width: fetched at once, the rest when near.
          <li key={v.id} className="[contain-intrinsic-size:auto_400px] [content-visibility:auto]">
            <Card video={v} query={query} eager={i < 3} mastery={mastery?.get(v.id) ?? null} />
          </li>
        ))}
        {loadingMore &&
          Array.from({ length: 3 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
            <li key={`more-${i}`}>
              <VideoCardSkeleton />
            </li>
          ))}
      </ul>
      <div ref={sentinel} aria-hidden="true" />
      {!hasMore && videos.length > 0 && (
        <p className="py-6 text-center text-sm text-muted">You've reached the end. Nice work!</p>
      )}
    </div>
  );
}
