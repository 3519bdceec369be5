// A feed row: subject colour, title, topic, difficulty, rating and author, and the signed-in
// student's mastery of the lesson when they have cards or quiz answers for it.
import { countOf, SUBJECT_COLORS, type Video } from "@lm/core";
import { Link } from "expo-router";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { colors, radius, space } from "../../../components/ui/theme";
import { MasteryLabel, masteryPercent } from "../../cards/components/MasteryLabel";
import { difficultyLabel, ratingText, subjectLabel } from "../format";

export function VideoCard({ video, mastery = null }: { video: Video; mastery?: number | null }) {
  // The row is one link for screen readers, so its label carries the mastery the text shows.
  const label = `Open lesson ${video.title}${mastery === null ? "" : `, mastery ${masteryPercent(mastery)}%`}`;
  return (
    <Link href={{ pathname: "/video/[id]", params: { id: video.id } }} asChild>
      <Pressable accessibilityRole="link" accessibilityLabel={label} style={styles.card}>
        <View style={[styles.band, { backgroundColor: SUBJECT_COLORS[video.subject] }]} />
        <View style={styles.body}>
          <Text style={styles.title} numberOfLines={2}>
            {video.title}
          </Text>
          <Text style={styles.meta} numberOfLines={1}>
            {subjectLabel(video.subject)} · {difficultyLabel(video.difficulty)} · {Math.round(video.duration / 60)} min
          </Text>
          <Text style={styles.meta}>
            {ratingText(video.ratingAvg, video.ratingCount)} · {countOf(video.viewCount, "view")} · by{" "}
            {video.createdBy.displayName}
          </Text>
          {mastery === null ? null : <MasteryLabel mastery={mastery} />}
        </View>
      </Pressable>
    </Link>
  );
}

const styles = StyleSheet.create({
  card: {
    flexDirection: "row",
    backgroundColor: colors.card,
    borderRadius: radius,
    marginBottom: space.md,
    overflow: "hidden",
    borderWidth: 1,
    borderColor: colors.border,
  },
  band: { width: 8 },
  body: { flex: 1, padding: space.md },
  title: { fontSize: 17, fontWeight: "600", color: colors.text, marginBottom: space.xs },
  meta: { fontSize: 13, color: colors.muted },
});
