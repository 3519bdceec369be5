import { countOf } from "@lm/core";
import type { Video } from "@lm/core";
import { Link } from "react-router";
import { Icon } from "../../../components/ui/Icon";
import { Avatar, SubjectChip } from "../../../components/ui/Misc";
import { DIFFICULTY_LABELS, formatCount, timeAgo } from "../../../lib/format";
import { MasteryLabel } from "../../cards/components/MasteryLabel";
import { Highlight } from "./Highlight";
import { Thumbnail } from "./Thumbnail";

interface Props {
  video: Video;
  query?: string;
  eager?: boolean;
  /** The signed-in student's mastery of this lesson (0–1), when they have cards or quiz answers. */
  mastery?: number | null;
}

export function VideoCard({ video, query = "", eager = false, mastery = null }: Props) {
  return (
    <article className="group flex h-full flex-col gap-3 rounded-2xl border border-line bg-surface p-3 transition-shadow hover:shadow-md">
      {/* The title below is the link for assistive tech; this one is a bigger target for the mouse. */}
      <Link to={`/videos/${video.id}`} className="flex flex-col gap-3 rounded-xl" tabIndex={-1} aria-hidden="true">
        <Thumbnail video={video} eager={eager} />
      </Link>
      <div className="flex flex-1 flex-col gap-2 px-1">
        <div className="flex flex-wrap items-center gap-2">
          <SubjectChip subject={video.subject} />
          <span className="text-xs font-medium text-muted">{DIFFICULTY_LABELS[video.difficulty]}</span>
          {mastery !== null && <MasteryLabel mastery={mastery} className="ml-auto" />}
        </div>
        {/* The clamp sits inside the link: on the heading it clipped the link's focus ring to two slivers. */}
        <h2 className="text-base leading-snug font-semibold text-fg">
          <Link to={`/videos/${video.id}`} className="block rounded hover:underline">
            <span className="line-clamp-2">
              <Highlight text={video.title} query={query} />
            </span>
          </Link>
        </h2>
        {query && video.scriptSummary && (
          <p className="line-clamp-2 text-sm text-muted">
            <Highlight text={video.scriptSummary} query={query} />
          </p>
        )}
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-2 gap-y-1 pt-1 text-xs text-muted">
          {/* The name wraps rather than ending in "…": students look for who made a lesson. */}
          <span className="flex min-w-0 items-center gap-2">
            <Avatar name={video.createdBy.displayName} color={video.createdBy.avatarColor} size="sm" />
            <span className="break-words">{video.createdBy.displayName}</span>
          </span>
          <span className="flex shrink-0 items-center gap-3">
            <span className="flex items-center gap-1" title={countOf(video.ratingCount, "rating")}>
              <Icon name="star" className="size-3.5 fill-current text-amber-500" />
              <span className="sr-only">Rating</span>
              {video.ratingCount > 0 ? video.ratingAvg.toFixed(1) : "New"}
            </span>
            <span className="flex items-center gap-1">
              <Icon name="eye" className="size-3.5" />
              <span className="sr-only">Views</span>
              {formatCount(video.viewCount)}
            </span>
            <time dateTime={video.createdAt} className="hidden sm:inline">
              {timeAgo(video.createdAt)}
            </time>
          </span>
        </div>
      </div>
    </article>
  );
}

export function VideoCardSkeleton() {
  return (
    <div className="flex flex-col gap-3 rounded-2xl border border-line bg-surface p-3" aria-hidden="true">
      <div className="aspect-video animate-pulse rounded-xl bg-raised" />
      <div className="h-4 w-24 animate-pulse rounded bg-raised" />
      <div className="h-5 w-4/5 animate-pulse rounded bg-raised" />
      <div className="h-4 w-1/2 animate-pulse rounded bg-raised" />
    </div>
  );
}
