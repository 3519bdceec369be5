// The feed's grid, virtualised by rows over the window scroll, asking for the next cursor page
// when the last rows come into view.
import type { Video } from "@lm/core";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { VideoCard, VideoCardSkeleton } from "./VideoCard";

function columnsFor(width: number): number {
  if (width >= 1024) return 3;
  if (width >= 640) return 2;
  return 1;
}

function useColumns(): number {
  const [cols, setCols] = useState(() => (typeof window === "undefined" ? 3 : columnsFor(window.innerWidth)));
  useEffect(() => {
    const onResize = () => setCols(columnsFor(window.innerWidth));
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return cols;
}

interface Props {
  videos: Video[];
  query: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
}

export function VirtualVideoGrid({ videos, query, hasMore, loadingMore, onLoadMore }: Props) {
  const cols = useColumns();
  const listRef = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  // Where the list starts on the page; banners above it may come and go, so check after each render.
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const top = Math.round(el.getBoundingClientRect().top + window.scrollY);
    if (top !== margin) setMargin(top);
  });
  const rowCount = Math.ceil(videos.length / cols) + (hasMore ? 1 : 0);
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => (cols === 1 ? 400 : 360),
    overscan: 3,
    scrollMargin: margin,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (last && last.index >= rowCount - 2 && hasMore && !loadingMore) onLoadMore();
  }, [last, rowCount, hasMore, loadingMore, onLoadMore]);

  return (
    <div ref={listRef}>
      <ul aria-label="Lessons" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const start = row.index * cols;
          const rowVideos = videos.slice(start, start + cols);
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full pb-5"
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
            >
              <div className="grid gap-5" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
                {rowVideos.length > 0
                  ? rowVideos.map((v, i) => <VideoCard key={v.id} video={v} query={query} eager={start + i < cols} />)
                  : Array.from({ length: cols }, (_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
                      <VideoCardSkeleton key={i} />
                    ))}
              </div>
            </li>
          );
        })}
      </ul>
      {!hasMore && videos.length > 0 && (
        <p className="py-6 text-center text-sm text-muted">You've reached the end. Nice work!</p>
      )}
    </div>
  );
}
