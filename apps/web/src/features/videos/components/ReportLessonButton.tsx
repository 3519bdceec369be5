// "Report" on a published lesson: a short dialog with an optional reason, sent to the moderators.
// A student reports a lesson once; afterwards the button says so.
import { lazy, Suspense, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Icon } from "../../../components/ui/Icon";
import { toast } from "../../../stores/toast";
import { useReportVideo } from "../api/report-video";

// The dialog and its schema (zod) load when a student opens it, not with every lesson page.
const ReportDialog = lazy(() => import("./ReportLessonDialog"));

export function ReportLessonButton({ videoId }: { videoId: string }) {
  const report = useReportVideo(videoId);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={report.isSuccess}>
        <Icon name="flag" className="size-4" /> {report.isSuccess ? "Reported" : "Report"}
        <span className="sr-only"> this lesson</span>
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ReportDialog
            title="Report this lesson"
            description="Moderators review every report. Tell them what's wrong: a factual mistake, something harmful, spam."
            label="Reason (optional)"
            hint="Up to 500 characters."
            submitLabel="Send report"
            onSubmit={async (reason) => {
              await report.mutateAsync(reason);
              toast.success("Thanks — a moderator will review this lesson.");
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
