// The due count beside "Review" in the nav: hidden at zero, "99+" beyond, read out in words.
import { useDueCounts } from "../api/cards";

export function DueBadge() {
  const due = useDueCounts().data?.due ?? 0;
  if (due <= 0) return null;
  return (
    <span
      data-testid="due-badge"
      className="min-w-5 rounded-full bg-brand px-1.5 text-center text-xs font-semibold leading-5 text-white"
    >
      <span aria-hidden="true">{due > 99 ? "99+" : due}</span>
      <span className="sr-only"> {due === 1 ? "1 card due" : `${due} cards due`}</span>
    </span>
  );
}
