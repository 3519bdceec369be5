// Planner tab: agenda (upcoming days) or week view, tick to complete, add and edit events.
import type { PlannerEvent } from "@lm/core";
import { useRouter } from "expo-router";
import { useMemo, useState } from "react";
import { StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { Chip } from "../../components/ui/Chip";
import { ErrorText, Loading, Muted, Notice, Screen, Title } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { RequireAuth } from "../auth/RequireAuth";
import { useOffline } from "../offline/offline-context";
import { useEvents } from "./api/get-events";
import { useToggleComplete } from "./api/toggle-complete";
import { EventRow } from "./components/EventRow";
import { addDays, type DayGroup, formatDay, groupByDay, startOfDay, weekOf } from "./dates";

/** Events created offline, shown greyed until the queue replays them. */
function usePendingEvents(): PlannerEvent[] {
  const { pending } = useOffline();
  return useMemo(
    () =>
      pending.flatMap((entry) =>
        entry.write.kind === "createEvent"
          ? [
              {
                id: `pending-${entry.key}`,
                title: entry.write.input.title,
                description: entry.write.input.description ?? null,
                subject: entry.write.input.subject ?? null,
                type: entry.write.input.type,
                startDate: entry.write.input.startDate,
                endDate: entry.write.input.endDate ?? null,
                isCompleted: entry.write.input.isCompleted ?? false,
                reminders: entry.write.input.reminders ?? [],
                createdAt: entry.queuedAt,
                updatedAt: entry.queuedAt,
              },
            ]
          : [],
      ),
    [pending],
  );
}

function Planner() {
  const router = useRouter();
  const events = useEvents();
  const toggle = useToggleComplete();
  const pendingEvents = usePendingEvents();
  const [view, setView] = useState<"agenda" | "week">("agenda");
  const [weekAnchor, setWeekAnchor] = useState(() => new Date());
  const all = useMemo(() => [...(events.data ?? []), ...pendingEvents], [events.data, pendingEvents]);
  const today = startOfDay(new Date());
  const days: DayGroup[] =
    view === "agenda"
      ? groupByDay(all).filter(
          (d) => d.date >= today || d.events.some((e) => !e.isCompleted && d.date >= addDays(today, -7)),
        )
      : weekOf(weekAnchor, all);

  return (
    <Screen>
      <Title>Planner</Title>
      <View style={styles.row}>
        <Chip label="Agenda" selected={view === "agenda"} onPress={() => setView("agenda")} />
        <Chip label="Week" selected={view === "week"} onPress={() => setView("week")} />
      </View>
      {view === "week" ? (
        <View style={styles.row}>
          <Button label="‹ Previous week" variant="ghost" onPress={() => setWeekAnchor(addDays(weekAnchor, -7))} />
          <Button label="Next week ›" variant="ghost" onPress={() => setWeekAnchor(addDays(weekAnchor, 7))} />
        </View>
      ) : null}
      {pendingEvents.length > 0 ? (
        <Notice tone="warning">{pendingEvents.length} event(s) will be saved when you are back online.</Notice>
      ) : null}
      {events.isPending ? <Loading label="Loading your planner" /> : null}
      {events.error ? <ErrorText>{errorMessage(events.error)}</ErrorText> : null}
      {toggle.error ? <ErrorText>{errorMessage(toggle.error)}</ErrorText> : null}
      {!events.isPending && days.length === 0 ? <Muted>Nothing planned yet.</Muted> : null}
      {days.map((day) => (
        <View key={day.key} style={styles.day} accessibilityLabel={`Day ${formatDay(day.date)}`}>
          <Text accessibilityRole="header" style={styles.dayTitle}>
            {formatDay(day.date)}
          </Text>
          {day.events.length === 0 ? <Muted>Free</Muted> : null}
          {day.events.map((event) => (
            <EventRow
              key={event.id + (event.occurrenceDate ?? "")}
              event={event}
              pending={event.id.startsWith("pending-")}
              onToggle={(e) => toggle.mutate(e)}
            />
          ))}
        </View>
      ))}
      <Button label="Add event" onPress={() => router.push("/planner/event")} />
    </Screen>
  );
}

export function PlannerScreen() {
  return (
    <RequireAuth title="Planner">
      <Planner />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", flexWrap: "wrap", marginBottom: space.md },
  day: { marginBottom: space.lg, borderBottomWidth: 1, borderBottomColor: colors.border, paddingBottom: space.sm },
  dayTitle: { fontSize: 16, fontWeight: "700", color: colors.text, marginBottom: space.xs },
});
