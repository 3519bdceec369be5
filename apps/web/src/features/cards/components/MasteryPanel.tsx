// The profile's mastery: per subject, then the weakest lessons first (what to review next).
import { SUBJECT_LABELS } from "@lm/core";
import { Link } from "react-router";
import { Skeleton } from "../../../components/ui/Misc";
import { errorMessage } from "../../../lib/errors";
import { useMastery } from "../api/cards";
import { MasteryLabel } from "./MasteryLabel";

/** Lessons listed on the profile: the weakest few; the rest are on their feed cards. */
const LESSONS_SHOWN = 8;

export function MasteryPanel() {
  const mastery = useMastery();
  if (mastery.isPending) return <Skeleton className="h-24" />;
  if (mastery.isError) return <p className="text-sm text-danger">{errorMessage(mastery.error)}</p>;
  const { subjects, lessons } = mastery.data;
  const rated = lessons.filter((l) => l.mastery !== null);
  if (rated.length === 0)
    return (
      <p className="text-sm text-muted">
        Add a lesson's cards to your deck or answer its quiz, and your mastery shows here.
      </p>
    );
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Mastery by subject" className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {subjects
          .filter((s) => s.mastery !== null)
          .map((s) => (
            <li
              key={s.subject}
              className="flex items-center justify-between gap-3 rounded-xl border border-line bg-surface px-4 py-3"
            >
              <span className="font-medium text-fg">{SUBJECT_LABELS[s.subject]}</span>
              <MasteryLabel mastery={s.mastery as number} />
            </li>
          ))}
      </ul>
      <ul
        aria-label="Mastery by lesson, weakest first"
        className="divide-y divide-line rounded-xl border border-line bg-surface"
      >
        {rated.slice(0, LESSONS_SHOWN).map((l) => (
          <li key={l.videoId} className="flex items-center justify-between gap-3 px-4 py-3">
            <Link to={`/videos/${l.videoId}`} className="min-w-0 truncate font-medium text-fg hover:underline">
              {l.title}
            </Link>
            <MasteryLabel mastery={l.mastery as number} />
          </li>
        ))}
      </ul>
    </div>
  );
}
