import { countOf, DIFFICULTIES, type Difficulty, type Subject, SUBJECTS } from "@lm/core";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { Button, ButtonLink, buttonClass } from "../components/ui/Button";
import { EmptyState, ErrorState, PageHeader } from "../components/ui/Misc";
import { useMastery } from "../features/cards/api/cards";
import { useVideoFeed } from "../features/videos/api/get-videos";
import { FeedFilters, type Sort } from "../features/videos/components/FeedFilters";
import { VideoCardSkeleton } from "../features/videos/components/VideoCard";
import { VideoGrid } from "../features/videos/components/VideoGrid";
import { errorMessage } from "../lib/errors";
import { useDebounced, useDocumentTitle } from "../lib/hooks";
import { useAuth } from "../stores/auth";

const isSubject = (v: string | null): v is Subject => !!v && (SUBJECTS as readonly string[]).includes(v);
const isDifficulty = (v: string | null): v is Difficulty => !!v && (DIFFICULTIES as readonly string[]).includes(v);
const SORTS: Sort[] = ["new", "top", "trending", "for_you"];

/** A visitor's first screen: what Little Monster is, and the two things to do here. */
function Introduction() {
  return (
    <section aria-label="About Little Monster" className="mb-6 rounded-2xl border border-line bg-surface p-5">
      <p className="max-w-2xl text-base text-fg">
        Little Monster turns a topic and your notes into a short video lesson with a quiz: watch what other students
        made, or create your own.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href="#lessons" className={buttonClass("primary")}>
          Watch lessons
        </a>
        <ButtonLink to="/generate" variant="secondary">
          Create a lesson
        </ButtonLink>
      </div>
    </section>
  );
}

export default function FeedPage() {
  useDocumentTitle("Feed");
  const signedIn = useAuth((s) => s.session !== null);
  const [params, setParams] = useSearchParams();
  const subject = isSubject(params.get("subject")) ? (params.get("subject") as Subject) : undefined;
  const difficulty = isDifficulty(params.get("difficulty")) ? (params.get("difficulty") as Difficulty) : undefined;
  const rawSort = params.get("sort") as Sort | null;
  const sort: Sort = rawSort && SORTS.includes(rawSort) && (rawSort !== "for_you" || signedIn) ? rawSort : "new";
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = useDebounced(search.trim(), 300);

  const update = useCallback(
    (key: string, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get("q") ?? "") !== q) update("q", q);
  }, [q, params, update]);

  const query = useMemo(() => ({ subject, difficulty, sort, q: q || undefined }), [subject, difficulty, sort, q]);
  const feed = useVideoFeed(query);
  // One request for the whole page: every card looks its lesson up in this map.
  const mastery = useMastery();
  // The cards render as a deferred update, in slices that leave the main thread free between them,
  // not in the one long task the query's (urgent) update would take on a slow phone.
  const data = useDeferredValue(feed.data);
  const videos = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const pending = feed.isPending || (feed.data !== undefined && data === undefined);
  const filtered = Boolean(subject || difficulty || q);
  const loadMore = useCallback(() => void feed.fetchNextPage(), [feed.fetchNextPage]);

  return (
    <div>
      <PageHeader title="Learn something new">
        {signedIn && (
          <ButtonLink to="/generate" className="hidden sm:inline-flex">
            Create a lesson
          </ButtonLink>
        )}
      </PageHeader>
      {!signedIn && <Introduction />}
      <div id="lessons" className="scroll-mt-20">
        <FeedFilters
          search={search}
          onSearch={setSearch}
          subject={subject ?? ""}
          onSubject={(v) => update("subject", v)}
          difficulty={difficulty ?? ""}
          onDifficulty={(v) => update("difficulty", v)}
          sort={sort}
          onSort={(v) => update("sort", v === "new" ? "" : v)}
          signedIn={signedIn}
        />
        <p className="sr-only" aria-live="polite">
          {feed.isSuccess
            ? countOf(videos.length, "lesson", undefined, `${videos.length}${feed.hasNextPage ? "+" : ""}`)
            : ""}
        </p>
        {pending ? (
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true">
            <p className="sr-only">Loading lessons…</p>
            {Array.from({ length: 6 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
              <VideoCardSkeleton key={i} />
            ))}
          </div>
        ) : feed.isError && videos.length === 0 ? (
          <ErrorState
            title="We couldn't load the feed"
            message={`${errorMessage(feed.error)} If you're offline, reconnect and press Try again.`}
            onRetry={() => void feed.refetch()}
          />
        ) : videos.length === 0 ? (
          filtered ? (
            <EmptyState
              icon="search"
              title="No lessons match"
              action={
                <Button
                  variant="secondary"
                  onClick={() => {
                    setSearch("");
                    setParams({}, { replace: true });
                  }}
                >
                  Clear search and filters
                </Button>
              }
            >
              Try fewer words, another subject or any difficulty — or create the lesson yourself.
            </EmptyState>
          ) : (
            <EmptyState title="No lessons yet" action={<ButtonLink to="/generate">Create the first lesson</ButtonLink>}>
              Be the first: pick a topic, paste your notes, and Little Monster turns them into a short lesson with a
              quiz.
            </EmptyState>
          )
        ) : (
          <VideoGrid
            videos={videos}
            query={q}
            hasMore={Boolean(feed.hasNextPage)}
            loadingMore={feed.isFetchingNextPage}
            onLoadMore={loadMore}
            mastery={mastery.data?.byLesson}
          />
        )}
      </div>
      {feed.isError && videos.length > 0 && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" onClick={loadMore}>
            Couldn't load more. Try again
          </Button>
        </div>
      )}
    </div>
  );
}
