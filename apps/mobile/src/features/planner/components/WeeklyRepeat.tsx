// "Repeat every week" for the event form: a switch, then one toggle per weekday (core's weekly rule,
// the same FREQ=WEEKLY;BYDAY= the web planner writes).
import { WEEKDAYS, type WeekdayCode } from "@lm/core";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { Chip } from "../../../components/ui/Chip";
import { ErrorText } from "../../../components/ui/Screen";
import { colors, space } from "../../../components/ui/theme";

interface Props {
  repeat: boolean;
  onRepeatChange: (repeat: boolean) => void;
  days: WeekdayCode[];
  onDaysChange: (days: WeekdayCode[]) => void;
  error?: string;
}

export function WeeklyRepeat({ repeat, onRepeatChange, days, onDaysChange, error }: Props) {
  return (
    <View style={styles.block}>
      <Pressable
        accessibilityRole="switch"
        accessibilityLabel="Repeat every week"
        accessibilityState={{ checked: repeat }}
        aria-checked={repeat}
        onPress={() => onRepeatChange(!repeat)}
        style={styles.switchRow}
      >
        <Text style={styles.label}>Repeat every week</Text>
        <View style={[styles.track, repeat && styles.trackOn]}>
          <View style={[styles.thumb, repeat && styles.thumbOn]} />
        </View>
      </Pressable>
      {repeat ? (
        <View style={styles.days} accessibilityLabel="Repeat on">
          {WEEKDAYS.map((w) => {
            const on = days.includes(w.code);
            return (
              <Chip
                key={w.code}
                label={w.short}
                accessibilityLabel={w.long}
                selected={on}
                onPress={() => onDaysChange(on ? days.filter((d) => d !== w.code) : [...days, w.code])}
              />
            );
          })}
        </View>
      ) : null}
      <ErrorText>{error}</ErrorText>
    </View>
  );
}

const styles = StyleSheet.create({
  block: { marginBottom: space.md },
  switchRow: { flexDirection: "row", alignItems: "center", justifyContent: "space-between", minHeight: 44 },
  label: { fontSize: 14, fontWeight: "600", color: colors.text },
  track: { width: 44, height: 26, borderRadius: 13, backgroundColor: colors.border, padding: 3 },
  trackOn: { backgroundColor: colors.primary },
  thumb: { width: 20, height: 20, borderRadius: 10, backgroundColor: colors.card },
  thumbOn: { alignSelf: "flex-end" },
  days: { flexDirection: "row", flexWrap: "wrap", rowGap: space.sm, marginTop: space.sm },
});
