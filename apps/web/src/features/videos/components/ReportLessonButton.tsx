// "Report" on a published lesson: a short dialog with an optional reason, sent to the moderators.
// A student reports a lesson once; afterwards the button says so.
import { ReportInput } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, TextArea } from "../../../components/ui/Field";
import { Icon } from "../../../components/ui/Icon";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../../../lib/forms";
import { toast } from "../../../stores/toast";
import { useReportVideo } from "../api/report-video";

export function ReportLessonButton({ videoId }: { videoId: string }) {
  const report = useReportVideo(videoId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(ReportInput, { reason: reason.trim() || undefined });
    if (!parsed.ok) return setErrors(parsed.errors);
    try {
      await report.mutateAsync(parsed.data.reason);
      toast.success("Thanks — a moderator will review this lesson.");
      setOpen(false);
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={report.isSuccess}>
        <Icon name="flag" className="size-4" /> {report.isSuccess ? "Reported" : "Report"}
        <span className="sr-only"> this lesson</span>
      </Button>
      <Dialog
        open={open}
        title="Report this lesson"
        description="Moderators review every report. Tell them what's wrong: a factual mistake, something harmful, spam."
        onClose={() => setOpen(false)}
        size="sm"
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={formError} />
          <TextArea
            label="Reason (optional)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            hint="Up to 500 characters."
            error={errors.reason}
            data-autofocus
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={report.isPending}>
              Send report
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
