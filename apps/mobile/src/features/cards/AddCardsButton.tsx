// One tap from the player puts the lesson's cards in the student's deck, then offers the review.
import { useRouter } from "expo-router";
import { StyleSheet, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Notice } from "../../components/ui/Screen";
import { space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useAddLessonCards } from "./api/add-lesson-cards";

export function AddCardsButton({ videoId }: { videoId: string }) {
  const add = useAddLessonCards();
  const router = useRouter();
  return (
    <View style={styles.wrap} accessibilityLiveRegion="polite">
      {add.isSuccess ? (
        <>
          <Notice tone="success">
            {add.data.added > 0
              ? `Added ${add.data.added} cards to your deck.`
              : `All ${add.data.cards.length} cards are already in your deck.`}
          </Notice>
          <Button label="Review now" variant="secondary" onPress={() => router.push("/review")} />
        </>
      ) : (
        <Button label="Add to my cards" variant="secondary" busy={add.isPending} onPress={() => add.mutate(videoId)} />
      )}
      {add.isError ? <ErrorText>{errorMessage(add.error)}</ErrorText> : null}
    </View>
  );
}

const styles = StyleSheet.create({ wrap: { gap: space.sm, marginVertical: space.sm } });
