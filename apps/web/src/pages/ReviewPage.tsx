// Review session: the due queue one card at a time. Space reveals the answer, 1–4 rate it
// (again, hard, good, easy); "watch the moment" opens the lesson at the second that covers the card.
import type { CardRating } from "@lm/core";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { Button } from "../components/ui/Button";
import { Card, EmptyState, ErrorState, PageHeader, Skeleton } from "../components/ui/Misc";
import { useDueCards, useReviewCard } from "../features/cards/api/cards";
import { errorMessage } from "../lib/errors";
import { formatClock } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";

const RATINGS: Array<{ rating: CardRating; label: string; key: string }> = [
  { rating: "again", label: "Again", key: "1" },
  { rating: "hard", label: "Hard", key: "2" },
  { rating: "good", label: "Good", key: "3" },
  { rating: "easy", label: "Easy", key: "4" },
];

/** Keys typed into a field belong to the field. */
const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

export default function ReviewPage() {
  useDocumentTitle("Review");
  const queue = useDueCards();
  const review = useReviewCard();
  const [revealed, setRevealed] = useState(false);
  const card = queue.data?.items[0];

  const rate = useCallback(
    (rating: CardRating) => {
      if (!card || review.isPending) return;
      review.mutate({ id: card.id, rating, clientId: crypto.randomUUID() }, { onSuccess: () => setRevealed(false) });
    },
    [card, review],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!card || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === " " && !revealed) {
        e.preventDefault();
        setRevealed(true);
        return;
      }
      const r = RATINGS.find((x) => x.key === e.key);
      if (r && revealed) {
        e.preventDefault();
        rate(r.rating);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, revealed, rate]);

  if (queue.isPending) return <Skeleton className="h-64" />;
  if (queue.isError) return <ErrorState message={errorMessage(queue.error)} onRetry={() => void queue.refetch()} />;
  const { counts } = queue.data;

  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader title="Review">
        <p className="text-sm text-muted" aria-live="polite">
          <span className="font-semibold text-fg">{counts.due}</span> due
          {counts.overdue > 0 && <>, {counts.overdue} overdue</>} · {counts.total} cards
        </p>
      </PageHeader>
      {!card ? (
        <EmptyState title={counts.total === 0 ? "Your deck is empty" : "All caught up"}>
          {counts.total === 0
            ? "Open a lesson and choose “Add to my cards”."
            : "Nothing is due now. Cards come back when you are about to forget them."}
        </EmptyState>
      ) : (
        <Card className="flex flex-col gap-4">
          <p className="text-xs text-muted">
            From <Link to={`/videos/${card.videoId}`}>{card.videoTitle || "a lesson"}</Link>
          </p>
          <h2 className="text-lg font-semibold whitespace-pre-line text-fg">{card.front}</h2>
          {revealed ? (
            <>
              <p className="whitespace-pre-line text-fg" data-testid="card-answer">
                {card.back}
              </p>
              {card.atSecond !== null && (
                <Link
                  to={`/videos/${card.videoId}?t=${card.atSecond}`}
                  className="text-sm font-semibold text-fg underline"
                >
                  Watch the moment ({formatClock(card.atSecond)})
                </Link>
              )}
              <fieldset className="flex flex-wrap gap-2">
                <legend className="sr-only">How well did you remember?</legend>
                {RATINGS.map((r) => (
                  <Button
                    key={r.rating}
                    size="sm"
                    variant={r.rating === "again" ? "secondary" : "primary"}
                    disabled={review.isPending}
                    onClick={() => rate(r.rating)}
                    aria-keyshortcuts={r.key}
                  >
                    {r.key} {r.label}
                  </Button>
                ))}
              </fieldset>
            </>
          ) : (
            <Button onClick={() => setRevealed(true)} aria-keyshortcuts="Space">
              Show answer (Space)
            </Button>
          )}
          {review.isError && (
            <p role="alert" className="text-sm text-danger">
              {errorMessage(review.error)}
            </p>
          )}
        </Card>
      )}
    </section>
  );
}
