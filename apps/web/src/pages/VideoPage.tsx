import { countOf, isVideoInProgress } from "@lm/core";
import type { Video } from "@lm/core";
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useDeferredValue, useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import { ButtonLink } from "../components/ui/Button";
import { Avatar, Badge, Card, EmptyState, ErrorState, Skeleton, SubjectChip } from "../components/ui/Misc";
import { AddCardsButton } from "../features/cards/components/AddCardsButton";
import { StartAtMoment } from "../features/cards/components/StartAtMoment";
import { useHasModel } from "../features/videos/api/get-capabilities";
import { useVideo } from "../features/videos/api/get-video";
import { videoKeys } from "../features/videos/api/keys";
import { countView } from "../features/videos/api/view-video";
import { GenerationFailed, GenerationProgress } from "../features/videos/components/GenerationStatus";
import { RatingStars } from "../features/videos/components/RatingStars";
import { RegenerateKeyPointButton, ReportKeyPointButton } from "../features/videos/components/KeyPointActions";
import { KeyPointSource } from "../features/videos/components/KeyPointSource";
import { ReportLessonButton } from "../features/videos/components/ReportLessonButton";
import { ShareButton } from "../features/videos/components/ShareButton";
import { LessonMedia } from "../features/videos/player/LessonMedia";
import type { PlayerHandle } from "../features/videos/player/LessonPlayer";
import { isApiError } from "../lib/errors";
import { errorMessage } from "../lib/errors";
import { DIFFICULTY_LABELS, formatClock, formatCount, timeAgo } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import { WhenVisible } from "../components/ui/WhenVisible";
import { useChannel } from "../lib/realtime";
import { selectIsModerator, useAuth } from "../stores/auth";

// Below the fold or only for some readers: loaded after the lesson itself has painted, so the
// comment form's and the edit dialog's schema code is not on the lesson's first load.
const Comments = lazy(() => import("../features/comments/components/Comments").then((m) => ({ default: m.Comments })));
const Quiz = lazy(() => import("../features/videos/components/Quiz").then((m) => ({ default: m.Quiz })));
const CreatorControls = lazy(() =>
  import("../features/videos/components/CreatorControls").then((m) => ({ default: m.CreatorControls })),
);

function useLiveVideo(id: string) {
  const qc = useQueryClient();
  useChannel(`video:${id}`, (e) => {
    const key = videoKeys.detail(id);
    if (e.event === "video.updated") {
      // A summary (core's VideoUpdatedEvent: createdBy is an id, media only its state): show the new
      // state at once, then fetch the whole lesson.
      const d = e.data;
      qc.setQueryData<Video>(key, (v) =>
        v
          ? {
              ...v,
              status: d.status,
              title: d.title,
              failureCode: d.failureCode,
              failureReason: d.failureReason,
              thumbnailUrl: d.thumbnailUrl,
              // The files' URLs come with the refetch: READY shows once they are there.
              media: d.media && d.media.status !== "READY" ? { ...v.media, ...d.media } : v.media,
            }
          : v,
      );
      void qc.invalidateQueries({ queryKey: key });
    } else if (e.event === "rating.updated") {
      const { ratingAvg, ratingCount } = e.data;
      qc.setQueryData<Video>(key, (v) => (v ? { ...v, ratingAvg, ratingCount } : v));
    }
  });
}

export default function VideoPage() {
  const { id = "" } = useParams();
  const video = useVideo(id);
  const user = useAuth((s) => s.user);
  const isModerator = useAuth(selectIsModerator);
  const player = useRef<PlayerHandle>(null);
  useLiveVideo(id);
  useDocumentTitle(video.data?.title ?? "Lesson");
  // The query's answer arrives as an urgent update; the whole lesson then renders as a deferred one,
  // in slices that let the browser paint and answer input in between (a slow phone's main thread
  // would otherwise be blocked for the whole page at once).
  const deferred = useDeferredValue(video.data);
  // The lesson's picture and title paint in the first commit; what lies below them (summary, key
  // points, quiz, rating, comments) renders right after, in a second, interruptible one. The
  // picture is the page's largest paint: it no longer waits for the whole page to render.
  const rest = useDeferredValue(true, false);

  const isPublic = video.data?.status === "PUBLIC";
  useEffect(() => {
    if (isPublic) countView(id);
  }, [id, isPublic]);

  if (video.isPending || (!video.isError && !deferred)) {
    return (
      <div className="mx-auto flex max-w-4xl flex-col gap-4" aria-busy="true">
        <h1 className="sr-only">Loading lesson</h1>
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="aspect-video w-full" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (video.isError) {
    return isApiError(video.error, "not_found") ? (
      <div>
        <h1 className="sr-only">Lesson not found</h1>
        <EmptyState
          icon="search"
          title="This lesson isn't here"
          action={<ButtonLink to="/">Browse the feed</ButtonLink>}
        >
          It may have been deleted or made private by its creator.
        </EmptyState>
      </div>
    ) : (
      <div>
        <h1 className="sr-only">Lesson</h1>
        <ErrorState
          title="We couldn't load this lesson"
          message={errorMessage(video.error)}
          onRetry={() => void video.refetch()}
        />
      </div>
    );
  }

  const v = deferred ?? video.data;
  const isCreator = user?.id === v.createdBy.id;
  const ready = v.status === "PUBLIC" || v.status === "PRIVATE";
  const rateReason = !user
    ? "Log in to rate this lesson."
    : isCreator
      ? "You can't rate your own lesson."
      : !user.emailVerified
        ? "Verify your email to rate."
        : undefined;

  return (
    <article className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <SubjectChip subject={v.subject} />
          <Badge>{DIFFICULTY_LABELS[v.difficulty]}</Badge>
          {v.status === "PRIVATE" && <Badge tone="warn">Private</Badge>}
          {v.status === "REJECTED" && <Badge tone="danger">Removed by moderation</Badge>}
        </div>
        <h1 className="text-2xl leading-tight font-bold tracking-tight text-fg sm:text-3xl">{v.title}</h1>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted">
          <span className="flex items-center gap-2">
            <Avatar name={v.createdBy.displayName} color={v.createdBy.avatarColor} size="sm" />
            <span className="text-fg">{v.createdBy.displayName}</span>
          </span>
          <span>{countOf(v.viewCount, "view", undefined, formatCount(v.viewCount))}</span>
          <time dateTime={v.createdAt}>{timeAgo(v.createdAt)}</time>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {ready && <ShareButton path={`/videos/${v.id}`} title={v.title} />}
          {ready && user && <AddCardsButton videoId={v.id} />}
          {user && !isCreator && v.status === "PUBLIC" && <ReportLessonButton videoId={v.id} />}
          <Suspense fallback={null}>
            {isCreator ? <CreatorControls video={v} /> : isModerator && <CreatorControls video={v} canEdit={false} />}
          </Suspense>
        </div>
      </header>

      {isVideoInProgress(v.status) ? (
        <GenerationProgress video={v} />
      ) : v.status === "FAILED" ? (
        <GenerationFailed video={v} isCreator={isCreator} />
      ) : v.status === "REJECTED" ? (
        <Card>
          <p className="text-sm text-fg">
            {v.failureReason ?? "This lesson was removed because it didn't meet the community guidelines."}
          </p>
        </Card>
      ) : (
        <>
          <LessonMedia ref={player} video={v} isCreator={isCreator} />
          <StartAtMoment player={player} />
          {rest && v.scriptSummary && (
            <Card>
              <h2 className="text-lg font-bold text-fg">Summary</h2>
              <p className="mt-2 text-fg">{v.scriptSummary}</p>
            </Card>
          )}
          {rest && (
            <LessonBody
              video={v}
              player={player}
              rateReason={rateReason}
              quizVideoId={user ? v.id : undefined}
              keyPointAction={isCreator ? "regenerate" : user && v.status === "PUBLIC" ? "report" : undefined}
            />
          )}
        </>
      )}
      {rest && ready && (
        <WhenVisible label="Loading comments" minHeight={240}>
          <Comments videoId={v.id} videoCreatorId={v.createdBy.id} />
        </WhenVisible>
      )}
    </article>
  );
}

/** Everything below the summary: key points, tags, quiz and rating. */
function LessonBody({
  video: v,
  player,
  rateReason,
  quizVideoId,
  keyPointAction,
}: {
  video: Video;
  player: React.RefObject<PlayerHandle | null>;
  rateReason: string | undefined;
  quizVideoId: string | undefined;
  /** Students report a key point as inaccurate; the creator rewrites it from the notes or with the AI. */
  keyPointAction: "report" | "regenerate" | undefined;
}) {
  const hasModel = useHasModel();
  return (
    <>
      <Card>
        <h2 className="text-lg font-bold text-fg">Key points</h2>
        <ol className="mt-3 flex flex-col gap-1">
          {v.keyPoints.map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
            <li key={i} className="flex items-start">
              <button
                type="button"
                onClick={() => {
                  player.current?.seek(v.timestamps[i] ?? 0);
                  window.scrollTo({ top: 0, behavior: "smooth" });
                }}
                className="flex w-full items-start gap-3 rounded-lg px-2 py-2 text-left text-fg hover:bg-raised"
              >
                <span className="mt-0.5 shrink-0 rounded bg-brand-soft px-1.5 text-xs font-semibold text-fg tabular-nums">
                  {formatClock(v.timestamps[i] ?? 0)}
                </span>
                <span>
                  <span className="sr-only">Jump to: </span>
                  {k}
                </span>
              </button>
              {v.keyPointSources?.[i] && <KeyPointSource source={v.keyPointSources[i]} index={i} />}
              {keyPointAction === "report" && <ReportKeyPointButton videoId={v.id} index={i} />}
              {keyPointAction === "regenerate" && v.keyPointSources && (
                <RegenerateKeyPointButton videoId={v.id} index={i} />
              )}
              {keyPointAction === "regenerate" && hasModel && (
                <RegenerateKeyPointButton videoId={v.id} index={i} using="ai" />
              )}
            </li>
          ))}
        </ol>
        {v.tags.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-2" aria-label="Tags">
            {v.tags.map((t) => (
              <li key={t}>
                <Link
                  to={`/?q=${encodeURIComponent(t)}`}
                  className="rounded-full bg-raised px-2.5 py-1 text-xs text-fg hover:underline"
                >
                  #{t}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 id="quiz" className="mb-3 text-lg font-bold text-fg">
          Quiz
        </h2>
        <WhenVisible label="Loading the quiz">
          <Quiz questions={v.quiz} videoId={quizVideoId} />
        </WhenVisible>
      </Card>
      {/* After the content: a student rates what they have read. */}
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-bold text-fg">Rate this lesson</h2>
        <RatingStars video={v} canRate={!rateReason} reason={rateReason} />
      </Card>
    </>
  );
}
