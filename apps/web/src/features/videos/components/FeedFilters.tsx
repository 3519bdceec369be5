import { DIFFICULTIES, SUBJECT_LABELS, SUBJECTS, VIDEO_SORTS } from "@lm/core";
import { SelectField } from "../../../components/ui/Field";
import { Icon } from "../../../components/ui/Icon";
import { DIFFICULTY_LABELS } from "../../../lib/format";

export type Sort = (typeof VIDEO_SORTS)[number];
const SORT_LABELS: Record<Sort, string> = { new: "Newest", top: "Top rated", trending: "Trending", for_you: "For you" };

interface Props {
  search: string;
  onSearch(v: string): void;
  subject: string;
  onSubject(v: string): void;
  difficulty: string;
  onDifficulty(v: string): void;
  sort: Sort;
  onSort(v: Sort): void;
  signedIn: boolean;
}

export function FeedFilters(p: Props) {
  const sorts = VIDEO_SORTS.filter((s) => s !== "for_you" || p.signedIn);
  return (
    <div className="mb-6 flex flex-col gap-3">
      <search className="relative">
        <label htmlFor="feed-search" className="sr-only">
          Search lessons
        </label>
        <Icon
          name="search"
          className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-muted"
        />
        <input
          id="feed-search"
          type="search"
          value={p.search}
          onChange={(e) => p.onSearch(e.target.value)}
          placeholder="Search lessons: photosynthesis, derivatives, World War I…"
          className="h-12 w-full rounded-xl border border-line bg-surface pr-3 pl-10 text-fg placeholder:text-muted"
        />
      </search>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <SelectField
          label="Subject"
          value={p.subject}
          onChange={(e) => p.onSubject(e.target.value)}
          options={[
            { value: "", label: "All subjects" },
            ...SUBJECTS.map((s) => ({ value: s, label: SUBJECT_LABELS[s] })),
          ]}
        />
        <SelectField
          label="Difficulty"
          value={p.difficulty}
          onChange={(e) => p.onDifficulty(e.target.value)}
          options={[
            { value: "", label: "Any level" },
            ...DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] })),
          ]}
        />
        <fieldset className="col-span-2 flex flex-col gap-1 sm:col-span-1">
          <legend className="mb-1 text-sm font-medium text-fg">Sort</legend>
          <div className="flex flex-wrap gap-1 rounded-lg border border-line bg-surface p-1">
            {sorts.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={p.sort === s}
                onClick={() => p.onSort(s)}
                className={`flex-1 rounded-md px-2 py-1.5 text-xs font-medium whitespace-nowrap ${p.sort === s ? "bg-brand text-brand-fg" : "text-muted hover:bg-raised hover:text-fg"}`}
              >
                {SORT_LABELS[s]}
              </button>
            ))}
          </div>
        </fieldset>
      </div>
    </div>
  );
}
