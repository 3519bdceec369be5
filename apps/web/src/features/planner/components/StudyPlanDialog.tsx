// Exam countdown plan: pick an exam and a rhythm, preview the study sessions, accept them.
import { countOf, StudyPlanInput, type StudyPlanItem } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, SelectField, TextField } from "../../../components/ui/Field";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../../../lib/forms";
import { toast } from "../../../stores/toast";
import { useUpcomingExams } from "../api/get-events";
import { type PlanRequest, useAcceptPlan, usePreviewPlan } from "../api/study-plan";
import { daysUntil, fmtDayLong, fmtTime } from "../lib/dates";

export function StudyPlanDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const exams = useUpcomingExams();
  const preview = usePreviewPlan();
  const accept = useAcceptPlan();
  const [examId, setExamId] = useState("");
  const [perWeek, setPerWeek] = useState("3");
  const [minutes, setMinutes] = useState("45");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [plan, setPlan] = useState<{ request: PlanRequest; items: StudyPlanItem[] } | null>(null);

  const list = exams.data ?? [];
  const chosen = examId || list[0]?.id || "";

  async function onPreview(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(StudyPlanInput, {
      examEventId: chosen,
      sessionsPerWeek: Number(perWeek),
      minutesPerSession: Number(minutes),
    });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    const request = {
      examEventId: parsed.data.examEventId,
      sessionsPerWeek: parsed.data.sessionsPerWeek,
      minutesPerSession: parsed.data.minutesPerSession,
    };
    try {
      const result = await preview.mutateAsync(request);
      setPlan({ request, items: result.items });
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  async function onAccept() {
    if (!plan) return;
    try {
      const result = await accept.mutateAsync(plan.request);
      toast.success(`Added ${result.items.length} study sessions to your planner. You've got this!`);
      setPlan(null);
      onClose();
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Plan for an exam"
      description="We'll spread study sessions between now and the exam."
      size="lg"
    >
      <FormError message={formError} />
      {exams.isSuccess && list.length === 0 ? (
        <p className="text-sm text-fg">
          Add an event of type “Exam” first, then come back to plan your revision for it.
        </p>
      ) : !plan ? (
        <form onSubmit={onPreview} noValidate className="mt-2 flex flex-col gap-4">
          <SelectField
            label="Exam"
            value={chosen}
            onChange={(e) => setExamId(e.target.value)}
            options={list.map((x) => {
              const d = new Date(x.startDate);
              return { value: x.id, label: `${x.title} — ${fmtDayLong(d)} (${countOf(daysUntil(d), "day")})` };
            })}
            error={errors.examEventId}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Sessions per week"
              type="number"
              min={1}
              max={14}
              value={perWeek}
              onChange={(e) => setPerWeek(e.target.value)}
              error={errors.sessionsPerWeek}
            />
            <TextField
              label="Minutes per session"
              type="number"
              min={15}
              max={240}
              step={5}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              error={errors.minutesPerSession}
            />
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={preview.isPending} disabled={!chosen}>
              Preview plan
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-2 flex flex-col gap-4">
          <p className="text-sm text-fg">
            {countOf(plan.items.length, "session")}, up to {countOf(plan.request.minutesPerSession, "minute")} each —
            reviews of the cards due by then, the lessons you remember least, and a quiz the day before:
          </p>
          <ol
            className="max-h-72 overflow-y-auto rounded-xl border border-line"
            aria-label="Planned sessions"
            // A scrollable region must be focusable so keyboard users can scroll it (axe:
            // scrollable-region-focusable); it is labelled, so screen readers announce it.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI pattern for a scrollable region
            tabIndex={0}
          >
            {plan.items.map((s) => {
              const d = new Date(s.startDate);
              return (
                <li
                  key={s.startDate}
                  className="flex justify-between gap-3 border-b border-line px-3 py-2 text-sm last:border-0"
                >
                  <span className="text-fg">{s.title}</span>
                  <span className="text-muted">
                    {fmtDayLong(d)}, {fmtTime(d)}
                  </span>
                </li>
              );
            })}
          </ol>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setPlan(null)}>
              Change
            </Button>
            <Button onClick={onAccept} loading={accept.isPending}>
              Add to my planner
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
