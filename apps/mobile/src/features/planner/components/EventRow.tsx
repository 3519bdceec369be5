// One planner event: tick to complete, tap to edit.
import { EVENT_TYPE_LABELS, type PlannerEvent, SUBJECT_COLORS } from "@lm/core";
import { Link } from "expo-router";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { colors, space } from "../../../components/ui/theme";
import { eventStart, formatTime } from "../dates";

export const typeLabel = (t: PlannerEvent["type"]) => EVENT_TYPE_LABELS[t];

interface Props {
  event: PlannerEvent;
  onToggle?: (event: PlannerEvent) => void;
  pending?: boolean;
}

export function EventRow({ event, onToggle, pending }: Props) {
  const accent = event.subject ? SUBJECT_COLORS[event.subject] : colors.muted;
  return (
    <View style={styles.row}>
      <Pressable
        accessibilityRole="checkbox"
        accessibilityLabel={`Complete ${event.title}`}
        accessibilityState={{ checked: event.isCompleted, disabled: pending }}
        // react-native-web drops accessibilityState; role=checkbox needs aria-checked on the web.
        aria-checked={event.isCompleted}
        disabled={pending || !onToggle}
        onPress={() => onToggle?.(event)}
        style={[styles.box, { borderColor: accent }, event.isCompleted && { backgroundColor: accent }]}
      >
        <Text style={styles.tick}>{event.isCompleted ? "✓" : ""}</Text>
      </Pressable>
      <Link href={{ pathname: "/planner/event", params: { id: event.id } }} asChild disabled={pending}>
        <Pressable accessibilityRole="link" accessibilityLabel={`Edit ${event.title}`} style={styles.body}>
          <Text style={[styles.title, event.isCompleted && styles.done]}>{event.title}</Text>
          <Text style={styles.meta}>
            {formatTime(eventStart(event))} · {typeLabel(event.type)}
            {pending ? " · waiting to sync" : ""}
          </Text>
        </Pressable>
      </Link>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", paddingVertical: space.sm },
  box: {
    width: 26,
    height: 26,
    borderRadius: 6,
    borderWidth: 2,
    alignItems: "center",
    justifyContent: "center",
    marginRight: space.md,
  },
  tick: { color: colors.primaryText, fontWeight: "700" },
  body: { flex: 1 },
  title: { fontSize: 16, color: colors.text, fontWeight: "500" },
  done: { textDecorationLine: "line-through", color: colors.muted },
  meta: { fontSize: 13, color: colors.muted },
});
