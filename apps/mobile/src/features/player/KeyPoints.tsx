// The lesson's key points. On a lesson made from notes, tapping a point shows the sentence of the
// notes it came from ("From your notes: …"), so a student can check it; tapping again hides it.
import type { Video } from "@lm/core";
import { useState } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { colors, space } from "../../components/ui/theme";

export function KeyPoints({ video: v }: { video: Pick<Video, "keyPoints" | "keyPointSources"> }) {
  const [shown, setShown] = useState<number | null>(null);
  return (
    <View>
      {v.keyPoints.map((k, i) => {
        const source = v.keyPointSources?.[i];
        const label = `${i + 1}. ${k}`;
        if (!source) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
            <Text key={i} style={styles.body}>
              {label}
            </Text>
          );
        }
        const open = shown === i;
        return (
          <Pressable
            // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
            key={i}
            onPress={() => setShown(open ? null : i)}
            accessibilityRole="button"
            accessibilityState={{ expanded: open }}
            accessibilityHint="Shows where this comes from in your notes"
          >
            <Text style={styles.body}>{label}</Text>
            {open ? (
              <Text style={styles.source}>
                <Text style={styles.sourceLead}>From your notes: </Text>“{source.text}”
              </Text>
            ) : null}
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  body: { fontSize: 15, color: colors.text, marginBottom: space.sm, lineHeight: 22 },
  source: {
    fontSize: 14,
    color: colors.text,
    marginBottom: space.sm,
    paddingLeft: space.sm,
    borderLeftWidth: 3,
    borderLeftColor: colors.border,
  },
  sourceLead: { fontWeight: "700" },
});
