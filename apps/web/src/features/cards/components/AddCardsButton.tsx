// "Add to my cards": one tap puts the lesson's key points and quiz questions in the student's deck.
// Its own component so the lesson page only places it.
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errors";
import { useAddLessonCards } from "../api/cards";

export function AddCardsButton({ videoId }: { videoId: string }) {
  const add = useAddLessonCards();
  if (add.isSuccess) {
    const { added, cards } = add.data;
    return (
      <p role="status" className="text-sm text-fg">
        {added > 0 ? `Added ${added} cards to your deck.` : `All ${cards.length} cards are already in your deck.`}{" "}
        <Link to="/review" className="font-semibold underline">
          Review now
        </Link>
      </p>
    );
  }
  return (
    <span className="flex items-center gap-2">
      <Button size="sm" variant="secondary" loading={add.isPending} onClick={() => add.mutate(videoId)}>
        Add to my cards
      </Button>
      {add.isError && (
        <span role="alert" className="text-sm text-danger">
          {errorMessage(add.error)}
        </span>
      )}
    </span>
  );
}
