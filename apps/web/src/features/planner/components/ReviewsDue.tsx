// "N to review" on a planner day: the review cards due that day, linking to the review queue.
import { countOf } from "@lm/core";
import { Link } from "react-router";

export function ReviewsDue({ count, compact = false }: { count: number | undefined; compact?: boolean }) {
  if (!count) return null;
  return (
    <Link
      to="/review"
      className="inline-flex w-fit items-center rounded-full bg-brand-soft px-1.5 text-xs font-medium text-fg hover:underline"
    >
      {compact ? `${count} to review` : `${countOf(count, "card")} to review`}
    </Link>
  );
}
