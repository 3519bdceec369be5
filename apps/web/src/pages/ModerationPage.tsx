import { Link } from "react-router";
import { Button } from "../components/ui/Button";
import { Avatar, Badge, EmptyState, ErrorState, PageHeader, Skeleton } from "../components/ui/Misc";
import { useModerationQueue } from "../features/moderation/api/get-queue";
import { useModerate } from "../features/moderation/api/moderate";
import { ReportedLessons } from "../features/moderation/components/ReportedLessons";
import { errorMessage } from "../lib/errors";
import { timeAgo } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import { selectIsModerator, useAuth } from "../stores/auth";
import { toast } from "../stores/toast";

export default function ModerationPage() {
  useDocumentTitle("Moderation");
  const isModerator = useAuth(selectIsModerator);
  const queue = useModerationQueue(isModerator);
  const moderate = useModerate();
  if (!isModerator) {
    return (
      <div>
        <h1 className="sr-only">Moderation</h1>
        <EmptyState icon="shield" title="Moderators only">
          This page is for the people who keep discussions kind. If you think you should have access, ask an admin.
        </EmptyState>
      </div>
    );
  }
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const decide = (id: string, decision: "APPROVE" | "REJECT") =>
    moderate.mutate(
      { id, decision },
      {
        onSuccess: () =>
          toast.success(
            decision === "APPROVE" ? "Comment approved and visible again." : "Comment rejected and hidden.",
          ),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Moderation queue" />
      <section aria-labelledby="reported-lessons" className="mb-8">
        <h2 id="reported-lessons" className="mb-3 text-lg font-bold text-fg">
          Reported lessons
        </h2>
        <ReportedLessons />
      </section>
      <h2 className="mb-3 text-lg font-bold text-fg">Comments to review</h2>
      {queue.isPending ? (
        <Skeleton className="h-40" />
      ) : queue.isError ? (
        <ErrorState message={errorMessage(queue.error)} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="check" title="No comments to review">
          Reported and flagged comments will appear here for review.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Comments to review">
          {items.map((c) => (
            <li key={c.id} className="rounded-xl border border-line bg-surface p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Avatar name={c.user.displayName} color={c.user.avatarColor} size="sm" />
                <span className="font-semibold text-fg">{c.user.displayName}</span>
                <span className="text-muted">{timeAgo(c.createdAt)}</span>
                <Badge tone={c.moderationStatus === "FLAGGED" ? "warn" : "neutral"}>{c.moderationStatus}</Badge>
                <Link to={`/videos/${c.videoId}`} className="ml-auto text-brand hover:underline">
                  View lesson
                </Link>
              </div>
              <p className="mt-2 whitespace-pre-line text-fg">{c.text}</p>
              {c.moderationReason && <p className="mt-1 text-sm text-muted">Reason: {c.moderationReason}</p>}
              <div className="mt-3 flex gap-2">
                <Button size="sm" onClick={() => decide(c.id, "APPROVE")} disabled={moderate.isPending}>
                  Approve<span className="sr-only"> comment by {c.user.displayName}</span>
                </Button>
                <Button size="sm" variant="danger" onClick={() => decide(c.id, "REJECT")} disabled={moderate.isPending}>
                  Reject<span className="sr-only"> comment by {c.user.displayName}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
