import { SUBJECT_COLORS, type Video } from "@lm/core";

/** The lesson's thumbnail, lazy-loaded; a subject-coloured tile when there is none yet. */
export function Thumbnail({
  video,
  eager = false,
}: {
  video: Pick<Video, "thumbnailUrl" | "subject" | "title" | "duration">;
  eager?: boolean;
}) {
  const color = SUBJECT_COLORS[video.subject];
  return (
    <div className="relative aspect-video overflow-hidden rounded-xl bg-raised">
      {video.thumbnailUrl ? (
        <img
          src={video.thumbnailUrl}
          alt=""
          loading={eager ? "eager" : "lazy"}
          // The first row is the feed's largest paint: fetch it before anything below the fold.
          fetchPriority={eager ? "high" : "auto"}
          decoding="async"
          width={640}
          height={360}
          className="size-full object-cover"
        />
      ) : (
        // Colour only: the card under it already names the subject, once.
        <div
          aria-hidden="true"
          className="size-full"
          style={{ background: `linear-gradient(135deg, ${color}, ${color}99 60%, #111827)` }}
        />
      )}
      {video.duration > 0 && (
        <span className="absolute right-2 bottom-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-medium text-white">
          {Math.floor(video.duration / 60)}:{String(video.duration % 60).padStart(2, "0")}
        </span>
      )}
    </div>
  );
}
