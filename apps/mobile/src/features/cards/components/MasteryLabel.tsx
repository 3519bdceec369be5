// "Mastery 72%" on a lesson card, as on the web: the number is in the text, so the bar's colour is a
// hint, never the message.
import { StyleSheet, Text, View } from "react-native";
import { colors, space } from "../../../components/ui/theme";

export const masteryPercent = (m: number) => Math.round(m * 100);

const tone = (pct: number) => (pct >= 80 ? colors.success : pct >= 50 ? colors.warning : colors.danger);

export function MasteryLabel({ mastery }: { mastery: number }) {
  const pct = masteryPercent(mastery);
  return (
    <View style={styles.row}>
      <View style={styles.track}>
        <View style={[styles.fill, { width: `${pct}%`, backgroundColor: tone(pct) }]} />
      </View>
      <Text style={styles.text}>Mastery {pct}%</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", gap: space.xs, marginTop: space.xs },
  track: { width: 40, height: 6, borderRadius: 3, overflow: "hidden", backgroundColor: colors.border },
  fill: { height: "100%" },
  text: { fontSize: 12, fontWeight: "500", color: colors.text },
});
