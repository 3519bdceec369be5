// Per key point (issue 17 item 6): a student reports it as inaccurate (with a reason, sent to the
// moderators); the lesson's creator rewrites it from the notes or has the AI model reword it, which
// closes those reports.
import { lazy, Suspense, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Icon } from "../../../components/ui/Icon";
import { errorMessage } from "../../../lib/errors";
import { toast } from "../../../stores/toast";
import { useRegenerateKeyPoint, useReportKeyPoint } from "../api/report-video";

const ReportDialog = lazy(() => import("./ReportLessonDialog"));

export function ReportKeyPointButton({ videoId, index }: { videoId: string; index: number }) {
  const report = useReportKeyPoint(videoId, index);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} disabled={report.isSuccess}>
        <Icon name="flag" className="size-4" />
        <span className="sr-only">
          {report.isSuccess ? "Reported" : "Report inaccuracy in"} key point {index + 1}
        </span>
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ReportDialog
            title={`Report inaccuracy in key point ${index + 1}`}
            description="Tell the moderators what is wrong with this key point."
            label="Reason (optional)"
            hint="Up to 500 characters."
            submitLabel="Send report"
            onSubmit={async (reason) => {
              await report.mutateAsync(reason);
              toast.success("Thanks — a moderator will review this key point.");
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}

export function RegenerateKeyPointButton({
  videoId,
  index,
  using = "notes",
}: {
  videoId: string;
  index: number;
  using?: "notes" | "ai";
}) {
  const regenerate = useRegenerateKeyPoint(videoId);
  const n = index + 1;
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={regenerate.isPending}
      onClick={() =>
        regenerate.mutate(
          { index, using },
          {
            onSuccess: () =>
              toast.success(
                using === "ai" ? `Key point ${n} reworded by the AI.` : `Key point ${n} rewritten from your notes.`,
              ),
            onError: (err) => toast.error(errorMessage(err)),
          },
        )
      }
    >
      <Icon name={using === "ai" ? "sparkles" : "refresh"} className="size-4" />
      <span className="sr-only">
        {using === "ai" ? `Regenerate key point ${n} with the AI` : `Rewrite key point ${n} from the notes`}
      </span>
    </Button>
  );
}
