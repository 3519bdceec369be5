// Moderators' queue of lessons students reported: keep one (its reports close) or remove it (the
// creator sees the reason given here).
import { type ReportedVideo, VideoModerationInput } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, TextArea } from "../../../components/ui/Field";
import { Badge, EmptyState, ErrorState, Skeleton, SubjectChip } from "../../../components/ui/Misc";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, validate } from "../../../lib/forms";
import { timeAgo } from "../../../lib/format";
import { toast } from "../../../stores/toast";
import { useModerateVideo, useReportedVideos } from "../api/reported-videos";

function RemoveDialog({ item, onClose }: { item: ReportedVideo; onClose(): void }) {
  const moderate = useModerateVideo();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(VideoModerationInput, { decision: "REJECT", reason: reason.trim() || undefined });
    if (!parsed.ok) return setErrors(parsed.errors);
    try {
      await moderate.mutateAsync({ id: item.video.id, ...parsed.data });
      toast.success("Lesson removed. Its creator has been told why.");
      onClose();
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <Dialog open title={`Remove “${item.video.title}”?`} onClose={onClose} size="sm">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <TextArea
          label="Reason shown to the creator"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          hint="Optional. Without one, the creator reads that it was removed after reports."
          error={errors.reason}
          data-autofocus
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={moderate.isPending}>
            Remove lesson
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

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
      {removing && <RemoveDialog item={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}
