// Rate a lesson 1–5 stars; sent at once, or queued with its Idempotency-Key when offline.
import type { Video } from "@lm/core";
import { useState } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { ErrorText, Muted } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useAuth } from "../auth/auth-context";
import { ratingText } from "../videos/format";
import { useRateVideo } from "./api/rate-video";

export function RatingStars({ video }: { video: Video }) {
  const { user } = useAuth();
  const rateVideo = useRateVideo(video.id);
  const [mine, setMine] = useState<number | null>(video.myRating ?? null);
  const [error, setError] = useState("");
  const [queued, setQueued] = useState(false);
  const own = user?.id === video.createdBy.id;

  async function rate(stars: number) {
    setMine(stars);
    setError("");
    try {
      const outcome = await rateVideo.mutateAsync(stars);
      setQueued(outcome.queued);
    } catch (e) {
      setMine(video.myRating ?? null);
      setError(errorMessage(e));
    }
  }

  return (
    <View style={styles.wrap}>
      <Text style={styles.summary}>{ratingText(video.ratingAvg, video.ratingCount)}</Text>
      {user && !own ? (
        <View style={styles.stars} accessibilityLabel="Rate this lesson">
          {[1, 2, 3, 4, 5].map((n) => (
            <Pressable
              key={n}
              accessibilityRole="button"
              accessibilityLabel={`Rate ${n} star${n === 1 ? "" : "s"}`}
              accessibilityState={{ selected: mine !== null && n <= mine }}
              onPress={() => void rate(n)}
              hitSlop={6}
            >
              <Text style={[styles.star, mine !== null && n <= mine && styles.on]}>★</Text>
            </Pressable>
          ))}
        </View>
      ) : null}
      {!user ? <Muted>Log in to rate this lesson.</Muted> : null}
      {queued ? <Muted>Your rating will be sent when you are back online.</Muted> : null}
      <ErrorText>{error}</ErrorText>
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { marginBottom: space.lg },
  summary: { color: colors.muted, marginBottom: space.xs },
  stars: { flexDirection: "row", gap: space.sm },
  star: { fontSize: 32, color: colors.border },
  on: { color: "#F59E0B" },
});
