// Moderators' queue of lessons students reported: keep one (its reports close) or remove it (the
// creator sees the reason given here).
import { type ReportedVideo, VideoModerationInput } from "@lm/core";
import { useState } from "react";
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Badge, EmptyState, ErrorState, Skeleton, SubjectChip } from "../../../components/ui/Misc";
import { ReasonDialog } from "../../../components/ui/ReasonDialog";
import { errorMessage } from "../../../lib/errors";
import { timeAgo } from "../../../lib/format";
import { toast } from "../../../stores/toast";
import { useModerateVideo, useReportedVideos } from "../api/reported-videos";

export function ReportedLessons() {
  const queue = useReportedVideos(true);
  const moderate = useModerateVideo();
  const [removing, setRemoving] = useState<ReportedVideo | null>(null);
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];

  if (queue.isPending) return <Skeleton className="h-32" />;
  if (queue.isError) return <ErrorState message={errorMessage(queue.error)} onRetry={() => void queue.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyState icon="check" title="No reported lessons">
        Lessons students report will appear here.
      </EmptyState>
    );
  return (
    <>
      <ul className="flex flex-col gap-3" aria-label="Reported lessons">
        {items.map((r) => (
          <li key={r.video.id} className="rounded-xl border border-line bg-surface p-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <SubjectChip subject={r.video.subject} />
              <Badge tone="warn">
                {r.reportCount} {r.reportCount === 1 ? "report" : "reports"}
              </Badge>
              <span className="text-muted">first {timeAgo(r.firstReportedAt)}</span>
            </div>
            <p className="mt-2 font-semibold text-fg">
              <Link to={`/videos/${r.video.id}`} className="hover:underline">
                {r.video.title}
              </Link>
              <span className="font-normal text-muted"> by {r.video.createdBy.displayName}</span>
            </p>
            {(r.reportedKeyPoints?.length ?? 0) > 0 && (
              <ol className="mt-2 flex flex-col gap-1 text-sm" aria-label="Key points reported as inaccurate">
                {r.video.keyPoints.map((k, i) =>
                  r.reportedKeyPoints?.includes(i) ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
                    <li key={i} className="rounded bg-warn/15 px-2 py-1 text-fg">
                      <span className="font-semibold">Key point {i + 1} (reported): </span>
                      {k}
                    </li>
                  ) : null,
                )}
              </ol>
            )}
            {r.reasons.length > 0 && (
              <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm text-fg" aria-label="Reasons given">
                {r.reasons.map((reason, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two students may give the same reason
                  <li key={i}>{reason}</li>
                ))}
              </ul>
            )}
            <div className="mt-3 flex gap-2">
              <Button
                size="sm"
                disabled={moderate.isPending}
                onClick={() =>
                  moderate.mutate(
                    { id: r.video.id, decision: "APPROVE" },
                    {
                      onSuccess: () => toast.success("Lesson kept; its reports are closed."),
                      onError: (e) => toast.error(errorMessage(e)),
                    },
                  )
                }
              >
                Keep<span className="sr-only"> “{r.video.title}”</span>
              </Button>
              <Button size="sm" variant="danger" onClick={() => setRemoving(r)}>
                Remove<span className="sr-only"> “{r.video.title}”</span>
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {removing && (
        <ReasonDialog
          title={`Remove “${removing.video.title}”?`}
          label="Reason shown to the creator"
          hint="Optional. Without one, the creator reads that it was removed after reports."
          submitLabel="Remove lesson"
          schema={VideoModerationInput.pick({ reason: true })}
          onSubmit={async (reason) => {
            await moderate.mutateAsync({ id: removing.video.id, decision: "REJECT", reason });
            toast.success("Lesson removed. Its creator has been told why.");
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
