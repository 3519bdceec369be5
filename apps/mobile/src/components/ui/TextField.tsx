// A labelled text input that shows its field error underneath.
import { StyleSheet, Text, TextInput, type TextInputProps, View } from "react-native";
import { colors, radius, space } from "./theme";

interface Props extends Omit<TextInputProps, "style"> {
  label: string;
  error?: string;
}

export function TextField({ label, error, multiline, ...input }: Props) {
  return (
    <View style={styles.wrap}>
      <Text style={styles.label}>{label}</Text>
      <TextInput
        accessibilityLabel={label}
        accessibilityHint={error}
        placeholderTextColor={colors.muted}
        multiline={multiline}
        style={[styles.input, multiline && styles.multiline, error ? styles.invalid : null]}
        {...input}
      />
      {error ? (
        <Text accessibilityRole="alert" style={styles.error}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { marginBottom: space.md },
  label: { fontSize: 14, fontWeight: "600", color: colors.text, marginBottom: space.xs },
  input: {
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    backgroundColor: colors.card,
    paddingHorizontal: space.md,
    paddingVertical: space.sm,
    fontSize: 16,
    color: colors.text,
  },
  multiline: { minHeight: 120, textAlignVertical: "top" },
  invalid: { borderColor: colors.danger },
  error: { color: colors.danger, marginTop: space.xs, fontSize: 13 },
});
