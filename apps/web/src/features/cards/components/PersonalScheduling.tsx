// "Fit scheduling to my reviews": FSRS's weights fitted to the student's own review log (the server
// refuses, saying why, until there are enough reviews). The weights themselves are not shown: they
// mean nothing to a student, when and on how many reviews they were fitted does.
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errors";
import { useCardSettings, useOptimizeCards } from "../api/cards";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function PersonalScheduling() {
  const settings = useCardSettings();
  const optimize = useOptimizeCards();
  const s = settings.data;
  const status = !s
    ? null
    : s.optimizedAt && s.optimizedReviews !== null
      ? `Fitted to your ${s.optimizedReviews.toLocaleString()} reviews on ${dateFormat.format(new Date(s.optimizedAt))}.`
      : s.weights
        ? "Using weights you set."
        : "Using FSRS's defaults, made from millions of other learners' reviews.";
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-line bg-surface px-4 py-3">
      <p className="text-sm text-fg" data-testid="scheduling-status">
        {status ?? "…"}
      </p>
      <div>
        <Button variant="secondary" size="sm" loading={optimize.isPending} onClick={() => optimize.mutate()}>
          Fit scheduling to my reviews
        </Button>
      </div>
      {optimize.isError && (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(optimize.error)}
        </p>
      )}
    </div>
  );
}
