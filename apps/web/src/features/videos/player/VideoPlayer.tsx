// The lesson's narrated MP4: the browser's own player (keyboard, fullscreen, captions menu) with the
// captions track on by default, a chapter bar under it (one mark per key point, each seeks when
// clicked) and a download link. Its box keeps the video's 16:9 shape before any byte arrives, so
// nothing below it moves when the video loads.
//
// Until the student presses play (or jumps to a moment) the box shows the lesson's picture with a
// play button, not the <video>: the browser's player builds its controls, fetches the file's header
// and both text tracks as soon as it is on the page, work a slow phone does while the lesson is
// still being laid out, for a video many readers never start.
import { formatClock, indexAt, progressFraction, type Video } from "@lm/core";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { Icon } from "../../../components/ui/Icon";
import { API_BASE_URL } from "../../../config";
import type { MediaSources } from "../api/media-sources";
import { useWatchTime } from "../api/watch-time";
import type { PlayerHandle } from "./LessonPlayer";

/** `id` given: playing time is reported as watch time. */
type VideoFields = Pick<Video, "title" | "keyPoints" | "timestamps" | "duration" | "thumbnailUrl" | "media"> & {
  id?: string;
};

interface Props {
  video: VideoFields;
  sources: MediaSources;
  /** Fetches fresh signed URLs (a PRIVATE lesson's expire); null when the URLs never expire. */
  renew: (() => Promise<unknown>) | null;
}

/** A file name for the download: the title in plain letters. */
export function downloadName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .toLowerCase();
  return `${slug || "lesson"}.mp4`;
}

function formatSize(bytes: number | null): string {
  if (!bytes) return "";
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} kB`;
}

// A page served from another origin than the API (the desktop app's app://) must ask for the files
// with CORS, or the browser drops the captions track.
const crossOrigin = (() => {
  try {
    return new URL(API_BASE_URL).origin === window.location.origin ? undefined : ("anonymous" as const);
  } catch {
    return undefined;
  }
})();

export const VideoPlayer = forwardRef<PlayerHandle, Props>(function VideoPlayer({ video, sources, renew }, ref) {
  const el = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [failed, setFailed] = useState(false);
  const [started, setStarted] = useState(false);
  // Playing: frames are moving (not paused, ended, or stalled waiting for data).
  const [playing, setPlaying] = useState(false);
  useWatchTime(video.id, playing, time);
  // Where to carry on after new signed URLs replace expired ones.
  const resume = useRef<{ at: number; play: boolean } | null>(null);
  const renewedAt = useRef(0);
  const duration = Math.max(video.media.durationSec ?? video.duration, 1);
  const chapters = useMemo(
    () => video.keyPoints.map((text, i) => ({ text, start: video.timestamps[i] ?? 0 })),
    [video.keyPoints, video.timestamps],
  );
  const current = indexAt(chapters, time);

  // Pressing play moves the keyboard into the player (space pauses, arrows seek), as the button it
  // replaces had the focus.
  useEffect(() => {
    if (started && resume.current?.play) el.current?.focus();
  }, [started]);

  /** Puts the <video> on the page, then seeks to `at` (and plays) once it knows its length. */
  const start = (at: number, play: boolean) => {
    resume.current = { at, play };
    setTime(at);
    setStarted(true);
  };
  const seek = (t: number) => {
    const v = el.current;
    if (!v) return start(t, false);
    v.currentTime = t;
    setTime(t);
  };
  useImperativeHandle(ref, () => ({ seek }));

  const onError = () => {
    const v = el.current;
    // A signed URL that expired answers 401: get new ones (at most once a minute) and carry on.
    if (v && renew && Date.now() - renewedAt.current > 60_000) {
      renewedAt.current = Date.now();
      resume.current = { at: v.currentTime || time, play: !v.paused };
      renew().catch(() => setFailed(true));
      return;
    }
    setFailed(true);
  };
  const onLoadedMetadata = () => {
    const v = el.current;
    const r = resume.current;
    if (!v || !r) return;
    resume.current = null;
    v.currentTime = r.at;
    if (r.play) v.play().catch(() => {});
  };

  return (
    <section aria-label="Lesson video" className="overflow-hidden rounded-2xl border border-line bg-surface">
      {started ? (
        <video
          ref={el}
          src={sources.mp4}
          controls
          preload="metadata"
          playsInline
          poster={video.thumbnailUrl ?? undefined}
          crossOrigin={crossOrigin}
          aria-label={`Video: ${video.title}`}
          className="block aspect-video w-full bg-black"
          onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
          onSeeked={(e) => setTime(e.currentTarget.currentTime)}
          onError={onError}
          onLoadedMetadata={onLoadedMetadata}
          onPlaying={() => {
            setFailed(false);
            setPlaying(true);
          }}
          onPause={() => setPlaying(false)}
          onEnded={() => setPlaying(false)}
          onWaiting={() => setPlaying(false)}
          data-testid="lesson-video"
        >
          <track kind="captions" src={sources.captions} srcLang="en" label="English" default />
          <track kind="chapters" src={sources.chapters} srcLang="en" label="Key points" />
        </video>
      ) : (
        <button
          type="button"
          onClick={() => start(time, true)}
          aria-label={`Play video: ${video.title}`}
          className="group relative block aspect-video w-full bg-black focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-brand"
          data-testid="lesson-video-poster"
        >
          {video.thumbnailUrl && (
            <img
              src={video.thumbnailUrl}
              alt=""
              fetchPriority="high"
              decoding="async"
              className="absolute inset-0 size-full object-cover"
            />
          )}
          <span className="absolute inset-0 m-auto flex size-16 items-center justify-center rounded-full bg-black/70 text-white group-hover:bg-brand">
            <Icon name="play" className="size-8" />
          </span>
        </button>
      )}

      <div className="flex flex-col gap-2 border-t border-line px-4 py-3">
        <fieldset className="relative m-0 h-6 min-w-0 border-0 p-0">
          <legend className="sr-only">Chapters</legend>
          <div aria-hidden="true" className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-raised">
            <div
              className="h-full rounded-full bg-brand"
              style={{ width: `${progressFraction(time, duration) * 100}%` }}
            />
          </div>
          {chapters.map((c, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
              key={i}
              type="button"
              onClick={() => seek(c.start)}
              aria-label={`Chapter ${i + 1} of ${chapters.length}: ${c.text} (${formatClock(c.start)})`}
              aria-current={i === current ? "true" : undefined}
              title={`${formatClock(c.start)} · ${c.text}`}
              className="group absolute top-0 flex h-6 w-4 -translate-x-1/2 justify-center rounded focus-visible:outline-2 focus-visible:outline-brand"
              style={{ left: `${progressFraction(c.start, duration) * 100}%` }}
            >
              <span
                aria-hidden="true"
                className={`block h-full w-1 rounded ${i === current ? "bg-brand" : "bg-fg/60 group-hover:bg-fg"}`}
              />
            </button>
          ))}
        </fieldset>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <p className="min-w-0 flex-1 truncate text-sm text-fg" data-testid="current-chapter">
            {current >= 0 && (
              <>
                <span className="text-muted">
                  Chapter {current + 1} of {chapters.length}:
                </span>{" "}
                {chapters[current].text}
              </>
            )}
          </p>
          <a href={sources.mp4} download={downloadName(video.title)} className={buttonClass("secondary", "sm")}>
            <Icon name="download" />
            Download MP4{video.media.sizeBytes ? ` (${formatSize(video.media.sizeBytes)})` : ""}
          </a>
        </div>
        {failed && (
          <p role="alert" className="text-sm text-danger">
            The video didn't load. Check your connection and press play again, or watch it as interactive slides.
          </p>
        )}
      </div>
    </section>
  );
});
