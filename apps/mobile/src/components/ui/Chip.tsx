// A selectable chip (filters, enum pickers) and a labelled row of them for one choice.
import { Pressable, ScrollView, StyleSheet, Text, View } from "react-native";
import { colors, space } from "./theme";

interface ChipProps {
  label: string;
  selected: boolean;
  onPress: () => void;
  accessibilityLabel?: string;
}

export function Chip({ label, selected, onPress, accessibilityLabel }: ChipProps) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={accessibilityLabel ?? label}
      accessibilityState={{ selected }}
      // react-native-web drops accessibilityState: on the web a toggle button says its state with
      // aria-pressed (aria-selected is not allowed on a button), which RN's types do not list.
      {...({ "aria-pressed": selected } as object)}
      onPress={onPress}
      style={[styles.chip, selected && styles.selected]}
    >
      <Text style={[styles.text, selected && styles.selectedText]}>{label}</Text>
    </Pressable>
  );
}

interface ChoiceRowProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T | null) => void;
  format: (value: T) => string;
  /** Offer "Any" to clear the choice (filters), or not (required fields). */
  allowNone?: boolean;
}

export function ChoiceRow<T extends string>({ label, options, value, onChange, format, allowNone }: ChoiceRowProps<T>) {
  return (
    <View style={styles.row} accessibilityLabel={label}>
      <Text style={styles.rowLabel}>{label}</Text>
      <ScrollView horizontal showsHorizontalScrollIndicator={false} contentContainerStyle={styles.chips}>
        {allowNone ? (
          <Chip
            label="Any"
            accessibilityLabel={`${label}: any`}
            selected={value === null}
            onPress={() => onChange(null)}
          />
        ) : null}
        {options.map((option) => (
          <Chip
            key={option}
            label={format(option)}
            accessibilityLabel={`${label}: ${format(option)}`}
            selected={value === option}
            onPress={() => onChange(allowNone && value === option ? null : option)}
          />
        ))}
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  chip: {
    paddingHorizontal: space.md,
    paddingVertical: 6,
    borderRadius: 16,
    borderWidth: 1,
    borderColor: colors.border,
    backgroundColor: colors.card,
    marginRight: space.sm,
  },
  selected: { backgroundColor: colors.primary, borderColor: colors.primary },
  text: { color: colors.text, fontSize: 14 },
  selectedText: { color: colors.primaryText },
  row: { marginBottom: space.md },
  rowLabel: { fontSize: 14, fontWeight: "600", color: colors.text, marginBottom: space.xs },
  chips: { paddingRight: space.lg },
});
