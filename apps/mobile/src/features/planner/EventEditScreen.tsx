// Create or edit a planner event; saved at once online, queued (with an Idempotency-Key) offline.
import {
  EVENT_TYPES,
  type EventType,
  PlannerEventCreateInput,
  parseWeeklyRule,
  type Subject,
  SUBJECTS,
  type WeekdayCode,
  weekdayCode,
  weeklyRule,
} from "@lm/core";
import { useLocalSearchParams, useRouter } from "expo-router";
import { useState } from "react";
import { StyleSheet, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { Chip, ChoiceRow } from "../../components/ui/Chip";
import { ErrorText, Muted, Screen, Title } from "../../components/ui/Screen";
import { TextField } from "../../components/ui/TextField";
import { space } from "../../components/ui/theme";
import { RequireAuth } from "../auth/RequireAuth";
import { apiErrors, type Errors, zodErrors } from "../auth/form-errors";
import { subjectLabel } from "../videos/format";
import { useDeleteEvent } from "./api/delete-event";
import { useEvents } from "./api/get-events";
import { useSaveEvent } from "./api/save-event";
import { typeLabel } from "./components/EventRow";
import { WeeklyRepeat } from "./components/WeeklyRepeat";
import { addDays, fromFields, toFields } from "./dates";
import { describeLead } from "./reminders/schedule-diff";

const REMINDER_CHOICES = [10, 60, 1440];

function EventForm({ id }: { id?: string }) {
  const router = useRouter();
  const existing = useEvents().data?.find((e) => e.id === id);
  const start = toFields(existing?.startDate ?? addDays(new Date(), 1).toISOString());
  const [title, setTitle] = useState(existing?.title ?? "");
  const [type, setType] = useState<EventType>(existing?.type ?? "STUDY_SESSION");
  const [subject, setSubject] = useState<Subject | null>(existing?.subject ?? null);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(existing ? start.time : "18:00");
  const [minutes, setMinutes] = useState(() => {
    if (!existing?.endDate) return existing ? "" : "60";
    return String(Math.round((Date.parse(existing.endDate) - Date.parse(existing.startDate)) / 60_000));
  });
  const [repeat, setRepeat] = useState(Boolean(existing?.rrule));
  // Until the student picks days, a weekly repeat runs on the weekday of the date in the form now.
  const [chosenDays, setChosenDays] = useState<WeekdayCode[] | null>(() =>
    existing?.rrule ? parseWeeklyRule(existing.rrule) : null,
  );
  const typedDate = fromFields(date, "12:00");
  const days = chosenDays ?? [weekdayCode(new Date(typedDate ?? existing?.startDate ?? Date.now()))];
  const [reminders, setReminders] = useState<number[]>(existing?.reminders ?? [60]);
  const [description, setDescription] = useState(existing?.description ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const save = useSaveEvent();
  // Opened from a link there may be nothing to go back to.
  const close = () => (router.canGoBack() ? router.back() : router.replace("/planner"));
  const remove = useDeleteEvent();

  async function submit() {
    const startDate = fromFields(date, time);
    if (!startDate) return setErrors({ startDate: "Use a date like 2026-12-01 and a time like 18:30" });
    const length = minutes.trim() === "" ? null : Number(minutes);
    if (length !== null && (!Number.isInteger(length) || length < 0)) return setErrors({ endDate: "Minutes, e.g. 45" });
    if (repeat && days.length === 0) return setErrors({ rrule: "Pick at least one day to repeat on" });
    const parsed = PlannerEventCreateInput.safeParse({
      title,
      type,
      subject,
      startDate,
      endDate: length === null ? null : new Date(Date.parse(startDate) + length * 60_000).toISOString(),
      description: description.trim() || null,
      reminders,
      rrule: repeat ? weeklyRule(days) : null,
    });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    try {
      await save.mutateAsync({ id, input: parsed.data });
      close();
    } catch (error) {
      const { fields, form } = apiErrors(error);
      setErrors(fields);
      setFormError(form);
    }
  }

  async function destroy() {
    if (!id) return;
    try {
      await remove.mutateAsync(id);
      close();
    } catch (error) {
      setFormError(apiErrors(error).form);
    }
  }

  const toggleReminder = (m: number) =>
    setReminders((rs) => (rs.includes(m) ? rs.filter((r) => r !== m) : [...rs, m].sort((a, b) => a - b)));

  return (
    <Screen>
      <Title>{id ? "Edit event" : "New event"}</Title>
      <TextField label="Title" value={title} onChangeText={setTitle} error={errors.title} />
      <ChoiceRow label="Type" options={EVENT_TYPES} value={type} onChange={(t) => t && setType(t)} format={typeLabel} />
      <ChoiceRow
        label="Subject"
        options={SUBJECTS}
        value={subject}
        onChange={setSubject}
        format={subjectLabel}
        allowNone
      />
      <View style={styles.row}>
        <View style={styles.half}>
          <TextField
            label="Date"
            value={date}
            onChangeText={setDate}
            placeholder="YYYY-MM-DD"
            error={errors.startDate}
          />
        </View>
        <View style={styles.half}>
          <TextField label="Time" value={time} onChangeText={setTime} placeholder="HH:MM" />
        </View>
      </View>
      <TextField
        label="Length in minutes"
        value={minutes}
        onChangeText={setMinutes}
        keyboardType="number-pad"
        error={errors.endDate}
      />
      <WeeklyRepeat
        repeat={repeat}
        onRepeatChange={setRepeat}
        days={days}
        onDaysChange={setChosenDays}
        error={errors.rrule}
      />
      <Muted>Remind me</Muted>
      <View style={styles.row}>
        {REMINDER_CHOICES.map((m) => (
          <Chip
            key={m}
            label={describeLead(m).replace("in ", "") + " before"}
            accessibilityLabel={`Remind ${describeLead(m).replace("in ", "")} before`}
            selected={reminders.includes(m)}
            onPress={() => toggleReminder(m)}
          />
        ))}
      </View>
      <TextField label="Notes" value={description} onChangeText={setDescription} multiline error={errors.description} />
      <ErrorText>{formError}</ErrorText>
      <Button label={id ? "Save changes" : "Add to planner"} onPress={submit} busy={save.isPending} />
      {id ? (
        <Button label="Delete event" variant="danger" onPress={destroy} busy={remove.isPending} style={styles.gap} />
      ) : null}
    </Screen>
  );
}

export function EventEditScreen() {
  const { id } = useLocalSearchParams<{ id?: string }>();
  return (
    <RequireAuth title="Planner">
      <EventForm key={id ?? "new"} id={id || undefined} />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", flexWrap: "wrap", gap: space.md, marginBottom: space.sm },
  half: { flex: 1, minWidth: 140 },
  gap: { marginTop: space.md },
});
