// "Report" on a published lesson: a short dialog with an optional reason, sent to the moderators.
// A student reports a lesson once; afterwards the button says so.
import { ReportInput } from "@lm/core";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Icon } from "../../../components/ui/Icon";
import { ReasonDialog } from "../../../components/ui/ReasonDialog";
import { toast } from "../../../stores/toast";
import { useReportVideo } from "../api/report-video";

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
        <ReasonDialog
          title="Report this lesson"
          description="Moderators review every report. Tell them what's wrong: a factual mistake, something harmful, spam."
          label="Reason (optional)"
          hint="Up to 500 characters."
          submitLabel="Send report"
          schema={ReportInput}
          onSubmit={async (reason) => {
            await report.mutateAsync(reason);
            toast.success("Thanks — a moderator will review this lesson.");
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
