// A review session: the due cards one at a time, tap to reveal the answer, rate it Again / Hard /
// Good / Easy (sent, or queued while offline), "Watch the moment" opens the lesson at its second.
import type { Card, CardRating } from "@lm/core";
import { useRouter } from "expo-router";
import { useState } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Loading, Muted, Screen, Title } from "../../components/ui/Screen";
import { colors, radius, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { RequireAuth } from "../auth/RequireAuth";
import { useOffline } from "../offline/offline-context";
import { useDueCards } from "./api/get-due-cards";
import { useReviewCard } from "./api/review-card";

const RATINGS: Array<{ rating: CardRating; label: string; hint: string }> = [
  { rating: "again", label: "Again", hint: "I forgot it" },
  { rating: "hard", label: "Hard", hint: "I recalled it with effort" },
  { rating: "good", label: "Good", hint: "I recalled it" },
  { rating: "easy", label: "Easy", hint: "I knew it at once" },
];

function ReviewCard({ card }: { card: Card }) {
  const [revealed, setRevealed] = useState(false);
  const review = useReviewCard();
  const router = useRouter();
  return (
    <View style={styles.card}>
      <Text style={styles.lesson}>{card.videoTitle}</Text>
      <Text style={styles.front} accessibilityRole="header">
        {card.front}
      </Text>
      {revealed ? (
        <>
          <Text style={styles.back}>{card.back}</Text>
          <View style={styles.ratings}>
            {RATINGS.map((r) => (
              <Button
                key={r.rating}
                label={r.label}
                accessibilityLabel={`${r.label}: ${r.hint}`}
                variant={r.rating === "good" ? "primary" : "secondary"}
                disabled={review.isPending}
                onPress={() => review.mutate({ cardId: card.id, rating: r.rating })}
                style={styles.rating}
              />
            ))}
          </View>
        </>
      ) : (
        <Pressable
          accessibilityRole="button"
          accessibilityLabel="Show answer"
          onPress={() => setRevealed(true)}
          style={styles.reveal}
        >
          <Text style={styles.revealText}>Tap to show the answer</Text>
        </Pressable>
      )}
      {card.atSecond !== null ? (
        <Button
          label="Watch the moment"
          accessibilityLabel={`Watch the moment in ${card.videoTitle}`}
          variant="ghost"
          onPress={() =>
            router.push({ pathname: "/video/[id]", params: { id: card.videoId, t: String(card.atSecond) } })
          }
        />
      ) : null}
      <ErrorText>{review.error ? errorMessage(review.error) : ""}</ErrorText>
    </View>
  );
}

function Session() {
  const { data, isLoading, error } = useDueCards();
  const { pending } = useOffline();
  const waiting = pending.filter((p) => p.write.kind === "reviewCard").length;
  const card = data?.items[0];
  return (
    <Screen>
      <Title>Review</Title>
      {isLoading ? <Loading label="Loading cards" /> : null}
      <ErrorText>{error ? errorMessage(error) : ""}</ErrorText>
      {data ? <Muted>{data.items.length === 1 ? "1 card left" : `${data.items.length} cards left`}</Muted> : null}
      {waiting > 0 ? (
        <Muted>{waiting === 1 ? "1 review" : `${waiting} reviews`} will be saved when you are back online.</Muted>
      ) : null}
      {/* Keyed by card: the next card starts hidden. */}
      {card ? <ReviewCard key={card.id} card={card} /> : null}
      {data && !card ? (
        <View style={styles.card}>
          <Text style={styles.front}>All caught up</Text>
          <Muted>No cards are due. Add a lesson's cards from its player, or come back later.</Muted>
        </View>
      ) : null}
    </Screen>
  );
}

export function ReviewScreen() {
  return (
    <RequireAuth title="Review">
      <Session />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  card: {
    backgroundColor: colors.card,
    borderRadius: radius,
    padding: space.md,
    gap: space.sm,
    marginTop: space.md,
  },
  lesson: { color: colors.muted, fontSize: 13 },
  front: { color: colors.text, fontSize: 18, fontWeight: "600" },
  back: { color: colors.text, fontSize: 16 },
  reveal: { paddingVertical: space.lg, alignItems: "center", borderRadius: radius, backgroundColor: colors.bg },
  revealText: { color: colors.text, fontWeight: "600" },
  ratings: { flexDirection: "row", flexWrap: "wrap", gap: space.sm },
  rating: { flexGrow: 1 },
});
