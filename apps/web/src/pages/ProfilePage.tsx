import { DisplayName } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Button, ButtonLink } from "../components/ui/Button";
import { TextField } from "../components/ui/Field";
import { Avatar, Badge, Card, PageHeader, Skeleton, SubjectChip } from "../components/ui/Misc";
import { useSignOut } from "../features/auth/api/logout";
import { MasteryPanel } from "../features/cards/components/MasteryPanel";
import { PersonalScheduling } from "../features/cards/components/PersonalScheduling";
import { useMyVideos } from "../features/users/api/my-videos";
import { useStats } from "../features/users/api/get-stats";
import { useUpdateUser } from "../features/users/api/update-user";
import { errorMessage } from "../lib/errors";
import { serverFieldErrors } from "../lib/forms";
import { useDocumentTitle } from "../lib/hooks";
import { useAuth } from "../stores/auth";
import { toast } from "../stores/toast";

const STATUS_TONE = {
  PUBLIC: "success",
  PRIVATE: "neutral",
  PENDING: "brand",
  GENERATING: "brand",
  FAILED: "danger",
  REJECTED: "danger",
} as const;

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-4">
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-bold text-fg tabular-nums">{value}</dd>
    </div>
  );
}

function NameForm({ current }: { current: string }) {
  const update = useUpdateUser();
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | undefined>();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) return setError("Use 1 to 50 characters.");
    setError(undefined);
    try {
      await update.mutateAsync({ displayName: parsed.data });
      toast.success("Display name saved.");
    } catch (err) {
      setError(serverFieldErrors(err).displayName ?? errorMessage(err));
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      <TextField
        label="Display name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={50}
        error={error}
        containerClassName="min-w-52 flex-1"
      />
      <Button type="submit" variant="secondary" loading={update.isPending} disabled={name === current}>
        Save
      </Button>
    </form>
  );
}

export default function ProfilePage() {
  useDocumentTitle("Profile");
  const user = useAuth((s) => s.user);
  const stats = useStats(user?.id);
  const videos = useMyVideos();
  const navigate = useNavigate();
  const { signOut, isPending: signingOut } = useSignOut(navigate);
  if (!user) return <Skeleton className="h-40" />;
  const mine = videos.data?.pages.flatMap((p) => p.items) ?? [];
  const s = stats.data;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="Your profile">
        <Button variant="secondary" onClick={() => void signOut()} loading={signingOut}>
          Sign out
        </Button>
      </PageHeader>
      <Card className="flex flex-col gap-4">
        <div className="flex items-center gap-4">
          <Avatar name={user.displayName} color={user.avatarColor} size="lg" />
          <div className="min-w-0">
            <p className="truncate text-xl font-bold text-fg">{user.displayName}</p>
            <p className="truncate text-sm text-muted">{user.email}</p>
            {!user.emailVerified && <Badge tone="warn">Email not verified</Badge>}
          </div>
        </div>
        <NameForm key={user.displayName} current={user.displayName} />
        {user.subjects.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label="Your subjects">
            {user.subjects.map((sub) => (
              <li key={sub}>
                <SubjectChip subject={sub} />
              </li>
            ))}
          </ul>
        )}
        <Link to="/settings" className="text-sm font-medium text-brand hover:underline">
          Change colour, subjects and reminders in Settings
        </Link>
      </Card>

      <section aria-labelledby="stats-title">
        <h2 id="stats-title" className="mb-3 text-lg font-bold text-fg">
          Your study stats
        </h2>
        {stats.isError ? (
          <p className="text-sm text-danger">{errorMessage(stats.error)}</p>
        ) : (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Study streak" value={s ? `${s.streakDays} day${s.streakDays === 1 ? "" : "s"}` : "…"} />
            <Stat label="Study minutes this week" value={s?.studyMinutesThisWeek ?? "…"} />
            <Stat label="Lessons created" value={s?.videosCreated ?? "…"} />
            <Stat label="Ratings given" value={s?.ratingsGiven ?? "…"} />
            <Stat
              label="Average rating received"
              value={s ? (s.avgRatingReceived ? s.avgRatingReceived.toFixed(1) : "—") : "…"}
            />
            <Stat label="Comments posted" value={s?.commentsPosted ?? "…"} />
            <Stat label="Events completed" value={s?.eventsCompleted ?? "…"} />
            <Stat label="Events coming up" value={s?.eventsUpcoming ?? "…"} />
          </dl>
        )}
      </section>

      <section aria-labelledby="mastery-title">
        <h2 id="mastery-title" className="mb-3 text-lg font-bold text-fg">
          Your mastery
        </h2>
        <MasteryPanel />
        <h3 className="mt-4 mb-2 text-base font-semibold text-fg">Your review schedule</h3>
        <PersonalScheduling />
      </section>

      <section aria-labelledby="mine-title">
        <h2 id="mine-title" className="mb-3 text-lg font-bold text-fg">
          Your lessons
        </h2>
        {videos.isPending ? (
          <Skeleton className="h-24" />
        ) : mine.length === 0 ? (
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
            You haven't created a lesson yet.{" "}
            <ButtonLink to="/generate" size="sm">
              Create one
            </ButtonLink>
          </div>
        ) : (
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
            {mine.map((v) => (
              <li key={v.id} className="flex items-center justify-between gap-3 px-4 py-3">
                <Link to={`/videos/${v.id}`} className="min-w-0 truncate font-medium text-fg hover:underline">
                  {v.title}
                </Link>
                <Badge tone={STATUS_TONE[v.status]}>{v.status.toLowerCase()}</Badge>
              </li>
            ))}
          </ul>
        )}
        {videos.hasNextPage && (
          <Button
            className="mt-3"
            variant="secondary"
            onClick={() => void videos.fetchNextPage()}
            loading={videos.isFetchingNextPage}
          >
            Show more
          </Button>
        )}
      </section>
    </div>
  );
}
