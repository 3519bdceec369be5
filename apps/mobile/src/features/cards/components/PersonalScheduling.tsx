// The profile's "Fit scheduling to my reviews": FSRS's weights fitted to the student's own review log.
// The weights are not shown (they mean nothing to a student); when and on how many reviews they were
// fitted is. The server refuses with its reason until there are enough reviews.
import { StyleSheet, Text, View } from "react-native";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Notice } from "../../../components/ui/Screen";
import { colors, space } from "../../../components/ui/theme";
import { errorMessage } from "../../../lib/query-client";
import { useCardSettings, useOptimizeCards } from "../api/optimize-cards";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function PersonalScheduling() {
  const settings = useCardSettings();
  const optimize = useOptimizeCards();
  const s = settings.data;
  const status = !s
    ? "…"
    : s.optimizedAt && s.optimizedReviews !== null
      ? `Fitted to your ${s.optimizedReviews.toLocaleString()} reviews on ${dateFormat.format(new Date(s.optimizedAt))}.`
      : s.weights
        ? "Using weights you set."
        : "Using FSRS's defaults, made from millions of other learners' reviews.";
  return (
    <View style={styles.box} accessibilityLiveRegion="polite">
      <Text style={styles.status}>{status}</Text>
      {optimize.isSuccess ? <Notice tone="success">Your review schedule now fits your reviews.</Notice> : null}
      <Button
        label="Fit scheduling to my reviews"
        variant="secondary"
        busy={optimize.isPending}
        onPress={() => optimize.mutate()}
      />
      {optimize.isError ? <ErrorText>{errorMessage(optimize.error)}</ErrorText> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  box: { gap: space.sm, marginBottom: space.md },
  status: { fontSize: 15, color: colors.text },
});
