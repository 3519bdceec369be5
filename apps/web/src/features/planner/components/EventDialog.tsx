// Create or edit a planner event in an accessible dialog, validated with PlannerEventCreateInput.
import {
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  type EventType,
  type PlannerEvent,
  PlannerEventCreateInput,
  SUBJECT_LABELS,
  SUBJECTS,
} from "@lm/core";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Checkbox, FormError, SelectField, TextArea, TextField } from "../../../components/ui/Field";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../../../lib/forms";
import { toast } from "../../../stores/toast";
import { useDeleteEvent } from "../api/delete-event";
import { useCreateEvent, useUpdateEvent } from "../api/save-event";
import {
  dateInput,
  parseWeeklyRule,
  timeInput,
  toIso,
  WEEKDAYS,
  type WeekdayCode,
  weekdayCode,
  weeklyRule,
} from "../lib/dates";

const REMINDER_OPTIONS = [
  { minutes: 10, label: "10 minutes before" },
  { minutes: 60, label: "1 hour before" },
  { minutes: 1440, label: "1 day before" },
  { minutes: 10080, label: "1 week before" },
];

interface Props {
  /** The event to edit, or null to create one. */
  event: PlannerEvent | null;
  /** Pre-filled day for a new event. */
  day?: Date;
  onClose(): void;
}

export function EventDialog({ event, day, onClose }: Props) {
  const start = event
    ? new Date(event.startDate)
    : (() => {
        const d = new Date(day ?? new Date());
        d.setHours(day ? 17 : new Date().getHours() + 1, 0, 0, 0);
        return d;
      })();
  const end = event?.endDate ? new Date(event.endDate) : null;
  const [title, setTitle] = useState(event?.title ?? "");
  const [type, setType] = useState<EventType>(event?.type ?? "STUDY_SESSION");
  const [subject, setSubject] = useState<string>(event?.subject ?? "");
  const [date, setDate] = useState(dateInput(start));
  const [startTime, setStartTime] = useState(timeInput(start));
  const [endTime, setEndTime] = useState(end ? timeInput(end) : "");
  const [description, setDescription] = useState(event?.description ?? "");
  const [repeat, setRepeat] = useState(Boolean(event?.rrule));
  // Until the student picks days, a weekly repeat runs on the event's own weekday: the one of the
  // date in the form now, not of the day the dialog opened on (the series then starts on its date).
  const [chosenDays, setChosenDays] = useState<WeekdayCode[] | null>(() =>
    event?.rrule ? parseWeeklyRule(event.rrule) : null,
  );
  const days = chosenDays ?? (date ? [weekdayCode(new Date(toIso(date, "12:00")))] : [weekdayCode(start)]);
  const setDays = (change: (current: WeekdayCode[]) => WeekdayCode[]) => setChosenDays(change(days));
  const [reminders, setReminders] = useState<number[]>(event?.reminders ?? [60]);
  const [completed, setCompleted] = useState(event?.isCompleted ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const del = useDeleteEvent();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!date) return setErrors({ startDate: "Pick a date." });
    if (repeat && days.length === 0) return setErrors({ rrule: "Pick at least one day to repeat on." });
    const input = {
      title,
      type,
      subject: subject ? (subject as PlannerEvent["subject"]) : null,
      description: description.trim() ? description : null,
      startDate: toIso(date, startTime),
      endDate: endTime ? toIso(date, endTime) : null,
      reminders: [...reminders].sort((a, b) => a - b),
      rrule: repeat ? weeklyRule(days) : null,
      ...(event ? { isCompleted: completed } : {}),
    };
    const parsed = validate(PlannerEventCreateInput, input);
    if (!parsed.ok) {
      const errs = parsed.errors;
      if (errs.endDate) errs.endDate = "The end time must be after the start time.";
      setErrors(errs);
      return;
    }
    setErrors({});
    try {
      if (event) await update.mutateAsync({ id: event.id, input: parsed.data });
      else await create.mutateAsync(parsed.data);
      toast.success(event ? "Event updated." : "Event added to your planner.");
      onClose();
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  return (
    <Dialog open title={event ? "Edit event" : "New event"} onClose={onClose} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          error={errors.title}
          data-autofocus
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Type"
            value={type}
            onChange={(e) => setType(e.target.value as EventType)}
            options={EVENT_TYPES.map((t) => ({ value: t, label: EVENT_TYPE_LABELS[t] }))}
            error={errors.type}
          />
          <SelectField
            label="Subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            options={[
              { value: "", label: "No subject" },
              ...SUBJECTS.map((s) => ({ value: s, label: SUBJECT_LABELS[s] })),
            ]}
            error={errors.subject}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={errors.startDate}
            required
          />
          <TextField
            label="Start time"
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            required
          />
          <TextField
            label="End time"
            type="time"
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
            hint="Optional"
            error={errors.endDate}
          />
        </div>
        <TextArea
          label="Notes"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          maxLength={5000}
          error={errors.description}
          className="min-h-20"
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-fg">Repeat</legend>
          <Checkbox label="Repeat every week" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} />
          {repeat && (
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">Repeat on</legend>
              {WEEKDAYS.map((w) => {
                const on = days.includes(w.code);
                return (
                  <button
                    key={w.code}
                    type="button"
                    aria-pressed={on}
                    aria-label={w.long}
                    onClick={() => setDays((d) => (on ? d.filter((x) => x !== w.code) : [...d, w.code]))}
                    className={`h-9 min-w-11 rounded-lg border px-2 text-sm font-medium ${on ? "border-brand bg-brand text-brand-fg" : "border-line text-fg hover:bg-raised"}`}
                  >
                    {w.short}
                  </button>
                );
              })}
            </fieldset>
          )}
          {errors.rrule && <p className="text-sm text-danger">{errors.rrule}</p>}
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-fg">Reminders</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {REMINDER_OPTIONS.map((r) => (
              <Checkbox
                key={r.minutes}
                label={r.label}
                checked={reminders.includes(r.minutes)}
                onChange={(e) =>
                  setReminders((x) => (e.target.checked ? [...x, r.minutes] : x.filter((m) => m !== r.minutes)))
                }
              />
            ))}
          </div>
          {errors.reminders && <p className="text-sm text-danger">{errors.reminders}</p>}
        </fieldset>
        {event && <Checkbox label="Completed" checked={completed} onChange={(e) => setCompleted(e.target.checked)} />}
        <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
          {event ? (
            <Button
              variant="ghost"
              className="text-danger"
              loading={del.isPending}
              onClick={() => {
                const what = event.rrule ? "this event and all its repeats" : "this event";
                if (!window.confirm(`Delete ${what}?`)) return;
                del.mutate(event.id, {
                  onSuccess: () => {
                    toast.success("Event deleted.");
                    onClose();
                  },
                  onError: (e) => toast.error(errorMessage(e)),
                });
              }}
            >
              Delete event
            </Button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {event ? "Save changes" : "Save event"}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
