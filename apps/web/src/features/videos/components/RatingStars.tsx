import { countOf } from "@lm/core";
// Star rating: a radio group of 1–5 stars; the choice shows at once (optimistic) and reverts if
// the server refuses.
import type { Video } from "@lm/core";
import { useId } from "react";
import { Icon } from "../../../components/ui/Icon";
import { useRateVideo } from "../api/rate-video";

export function RatingStars({ video, canRate, reason }: { video: Video; canRate: boolean; reason?: string }) {
  const rate = useRateVideo(video.id);
  const name = useId();
  const current = video.myRating ?? 0;
  const shown = current;
  return (
    <div className="flex flex-col gap-1">
      <fieldset className="flex items-center gap-3" disabled={!canRate}>
        <legend className="sr-only">Rate this lesson</legend>
        <div className="flex">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className={`cursor-pointer p-0.5 ${canRate ? "" : "cursor-not-allowed opacity-70"}`}>
              <input
                type="radio"
                name={name}
                value={n}
                checked={current === n}
                onChange={() => rate.mutate(n)}
                className="peer sr-only"
                aria-label={`${n} star${n === 1 ? "" : "s"}`}
              />
              <span className="block rounded peer-focus-visible:outline-3 peer-focus-visible:outline-[var(--lm-brand)]">
                <Icon name="star" className={`size-7 ${n <= shown ? "fill-amber-400 text-amber-500" : "text-muted"}`} />
              </span>
            </label>
          ))}
        </div>
        <p className="text-sm text-muted" data-testid="rating-summary">
          {video.ratingCount > 0
            ? `${video.ratingAvg.toFixed(1)} · ${countOf(video.ratingCount, "rating")}`
            : "No ratings yet"}
        </p>
      </fieldset>
      {!canRate && reason && <p className="text-xs text-muted">{reason}</p>}
    </div>
  );
}
