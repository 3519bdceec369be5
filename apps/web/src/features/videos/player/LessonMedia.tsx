// A published lesson's player: the narrated MP4 once it is rendered, the interactive slides while it
// renders or when there is none (this server cannot render, or the render failed). A bar of fixed
// height above the player says which: render progress (live over the WebSocket), the Video / Slides
// switch, or why there is no video; so nothing jumps when the state changes.
import type { Video } from "@lm/core";
import { forwardRef, useState } from "react";
import { Spinner } from "../../../components/ui/Button";
import { Skeleton } from "../../../components/ui/Misc";
import { useMediaSources } from "../api/media-sources";
import { LessonPlayer, type PlayerHandle } from "./LessonPlayer";
import { VideoPlayer } from "./VideoPlayer";

type Mode = "video" | "slides";

export const isRendering = (media: Video["media"]) => media.status === "PENDING" || media.status === "RENDERING";

function ModeSwitch({ mode, onMode }: { mode: Mode; onMode: (m: Mode) => void }) {
  const item = (m: Mode, label: string) => (
    <button
      type="button"
      aria-pressed={mode === m}
      onClick={() => onMode(m)}
      className={`h-8 rounded-md px-3 text-sm font-medium ${mode === m ? "bg-surface text-fg shadow-sm" : "text-muted hover:text-fg"}`}
    >
      {label}
    </button>
  );
  return (
    <fieldset className="inline-flex gap-1 rounded-lg bg-raised p-1">
      <legend className="sr-only">Watch as</legend>
      {item("video", "Video")}
      {item("slides", "Interactive slides")}
    </fieldset>
  );
}

function MediaBar({
  video,
  mode,
  onMode,
  isCreator,
}: {
  video: Video;
  mode: Mode;
  onMode: (m: Mode) => void;
  isCreator: boolean;
}) {
  const m = video.media;
  return (
    <div className="flex min-h-10 flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="media-bar">
      {m.status === "READY" ? (
        <ModeSwitch mode={mode} onMode={onMode} />
      ) : isRendering(m) ? (
        <div role="status" className="flex flex-1 items-center gap-3 text-fg">
          <Spinner />
          <span>
            {m.status === "PENDING" ? "Video queued…" : "Rendering video…"}{" "}
            <span className="text-muted">Watch the slides meanwhile.</span>
          </span>
          <progress
            value={m.progress}
            max={100}
            aria-label="Video rendering progress"
            className="h-2 w-32 shrink-0 accent-[var(--lm-brand)]"
          />
          <span className="w-10 text-muted tabular-nums">{m.progress}%</span>
        </div>
      ) : (
        <p className="text-muted">
          {isCreator && m.failureReason
            ? m.failureReason
            : "There is no video of this lesson; it plays as interactive slides."}
        </p>
      )}
    </div>
  );
}

export const LessonMedia = forwardRef<PlayerHandle, { video: Video; isCreator?: boolean }>(function LessonMedia(
  { video, isCreator = false },
  ref,
) {
  // The video when it is there on arrival; a video finished while someone watches the slides waits
  // for them to switch, rather than replacing what they are watching.
  const [mode, setMode] = useState<Mode>(video.media.status === "READY" ? "video" : "slides");
  const media = useMediaSources(video);
  const showVideo = mode === "video" && video.media.status === "READY" && media.state !== "error";
  return (
    <div className="flex flex-col gap-2">
      <MediaBar video={video} mode={showVideo ? "video" : "slides"} onMode={setMode} isCreator={isCreator} />
      {showVideo ? (
        media.state === "ready" ? (
          <VideoPlayer ref={ref} video={video} sources={media.sources} renew={media.renew} />
        ) : (
          <Skeleton className="aspect-video w-full" />
        )
      ) : (
        <LessonPlayer ref={ref} video={video} />
      )}
    </div>
  );
});
