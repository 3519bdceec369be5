// What a lesson that is not ready yet shows: live progress, or why it failed and what to do.
import type { Video } from "@lm/core";
import { Link } from "react-router";
import { Button, Spinner } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errors";
import { toast } from "../../../stores/toast";
import { useCapabilities } from "../api/get-capabilities";
import { useRetryVideo } from "../api/retry-video";

const STEPS = [
  { status: "PENDING", label: "Queued" },
  { status: "GENERATING", label: "Writing the lesson" },
  { status: "DONE", label: "Ready to watch" },
] as const;

export function GenerationProgress({ video }: { video: Video }) {
  const current = video.status === "PENDING" ? 0 : video.status === "GENERATING" ? 1 : 2;
  return (
    <section aria-labelledby="gen-title" className="rounded-2xl border border-line bg-surface p-6">
      <h2 id="gen-title" className="flex items-center gap-3 text-lg font-bold text-fg">
        <Spinner /> Creating your lesson…
      </h2>
      <p className="mt-1 text-sm text-muted">
        This usually takes under a minute. You can leave this page; we'll notify you when it's ready.
      </p>
      <ol className="mt-5 grid gap-3 sm:grid-cols-3" aria-live="polite">
        {STEPS.map((s, i) => (
          <li
            key={s.status}
            aria-current={i === current ? "step" : undefined}
            className={`rounded-xl border px-4 py-3 text-sm ${i < current ? "border-success/50 text-fg" : i === current ? "border-brand bg-brand-soft font-semibold text-fg" : "border-line text-muted"}`}
          >
            <span className="mr-2 text-xs">{i < current ? "✓" : `${i + 1}.`}</span>
            {s.label}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function GenerationFailed({ video, isCreator }: { video: Video; isCreator: boolean }) {
  const retry = useRetryVideo();
  // What the server can do (GET /capabilities), never the wording of failureReason: without a
  // model the same request can only fail again, so the way forward is the student's notes. Until
  // the capabilities are known, the lesson's own failureCode says whether that is why it failed.
  const topicOnly = useCapabilities().data?.text.topicOnly;
  const noModel = topicOnly === undefined ? video.failureCode === "no_model" : !topicOnly;
  const params = new URLSearchParams({ topic: video.topic, subject: video.subject, difficulty: video.difficulty });
  return (
    <section role="alert" aria-labelledby="fail-title" className="rounded-2xl border border-danger/50 bg-surface p-6">
      <h2 id="fail-title" className="text-lg font-bold text-fg">
        We couldn't create this lesson
      </h2>
      {noModel ? (
        <div className="mt-2 flex flex-col gap-2 text-sm text-fg">
          <p>
            This Little Monster server has no AI model set up, so it can't write a lesson from a topic alone. It can
            still build one from <strong>your own notes</strong>.
          </p>
          <p className="text-muted">
            Paste your notes (or upload a .txt or .md file) on the Generate page and try again.
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-fg">
          {video.failureReason ?? "Something went wrong while writing the lesson."}
        </p>
      )}
      {isCreator && (
        <div className="mt-4 flex flex-wrap gap-2">
          {noModel ? (
            <Link
              to={`/generate?${params}`}
              className="rounded-lg bg-brand px-4 py-2 text-sm font-medium text-brand-fg"
            >
              Add notes and try again
            </Link>
          ) : (
            <Button
              loading={retry.isPending}
              onClick={() => retry.mutate(video.id, { onError: (e) => toast.error(errorMessage(e)) })}
            >
              Retry generation
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
