// The lesson player: the script as narrated slides, one per key point, each shown from its
// timestamp, with captions, a progress bar with chapter marks, speed and keyboard control.
import {
  buildCaptions,
  buildSlides,
  captionAt,
  captionsBySlide,
  formatClock,
  progressFraction,
  SPEEDS,
  SUBJECT_COLORS,
  type Speed,
  type Video,
} from "@lm/core";
import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from "react";
import { Icon } from "../../../components/ui/Icon";
import { canNarrate, speak, stopSpeaking } from "./narration";
import { useWatchTime } from "../api/watch-time";
import { usePlayer } from "./use-player";

export interface PlayerHandle {
  seek(t: number): void;
}

/** `id` given: playing time is reported as watch time. */
type LessonVideo = Pick<Video, "title" | "subject" | "script" | "keyPoints" | "timestamps" | "duration"> & {
  id?: string;
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export const LessonPlayer = forwardRef<PlayerHandle, { video: LessonVideo; onEnded?: () => void }>(
  function LessonPlayer({ video, onEnded }, ref) {
    const duration = Math.max(video.duration, 1);
    const slides = useMemo(
      () => buildSlides({ keyPoints: video.keyPoints, timestamps: video.timestamps, duration }),
      [video.keyPoints, video.timestamps, duration],
    );
    // Each slide narrates its own part of the script, so a caption never runs past its slide.
    const captions = useMemo(
      () => captionsBySlide(slides, buildCaptions(video.script, duration)),
      [slides, video.script, duration],
    );
    const starts = useMemo(() => slides.map((s) => s.start), [slides]);
    const player = usePlayer(duration, slides);
    useWatchTime(video.id, player.playing, player.time);
    const [narrate, setNarrate] = useState(canNarrate);
    const speedId = useId();
    useImperativeHandle(ref, () => ({ seek: player.seek }), [player.seek]);

    const slide = slides[player.slide];
    const caption = captionAt(captions[player.slide] ?? [], player.time)?.text ?? "";

    // Keyboard: space plays/pauses, arrows move between slides (not while typing in a field).
    const latest = useRef(player);
    latest.current = player;
    useEffect(() => {
      const onKey = (e: KeyboardEvent) => {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
        const onControl = (e.target as HTMLElement | null)?.closest?.("button, a, [role=dialog]");
        if (e.key === " " && !onControl) {
          e.preventDefault();
          latest.current.toggle();
        } else if (e.key === "ArrowRight") {
          e.preventDefault();
          latest.current.next();
        } else if (e.key === "ArrowLeft") {
          e.preventDefault();
          latest.current.prev();
        }
      };
      document.addEventListener("keydown", onKey);
      return () => document.removeEventListener("keydown", onKey);
    }, []);

    // Narration follows the captions; a pause or a jump silences what was queued. (Effects run in
    // order, so a jump first stops the old sentence and then speaks the new one.)
    const speedRef = useRef(player.speed);
    speedRef.current = player.speed;
    useEffect(() => {
      if (player.jumps > 0) stopSpeaking();
    }, [player.jumps]);
    useEffect(() => {
      if (!player.playing || !narrate) stopSpeaking();
    }, [player.playing, narrate]);
    useEffect(() => {
      if (player.playing && narrate && caption) speak(caption, speedRef.current);
    }, [caption, player.playing, narrate]);
    useEffect(() => () => stopSpeaking(), []);

    useEffect(() => {
      if (player.ended) onEnded?.();
    }, [player.ended, onEnded]);

    const color = SUBJECT_COLORS[video.subject];
    if (slides.length === 0) {
      return <p className="rounded-2xl border border-line bg-surface p-6 text-muted">This lesson has no slides yet.</p>;
    }
    return (
      <section aria-label="Lesson player" className="overflow-hidden rounded-2xl border border-line bg-surface">
        <div
          className="relative flex min-h-56 w-full flex-col justify-between gap-4 p-5 sm:min-h-96 sm:p-8"
          style={{ background: `linear-gradient(140deg, ${color}26, transparent 55%), var(--lm-surface)` }}
        >
          <p className="text-xs font-semibold tracking-wide text-muted uppercase">
            Key point {player.slide + 1} of {slides.length}
          </p>
          <h2
            aria-live="polite"
            className="max-w-3xl text-xl leading-tight font-bold text-fg sm:text-3xl"
            data-testid="slide-heading"
          >
            {slide.text}
          </h2>
          <p
            className="min-h-[3.5em] max-w-3xl rounded-xl bg-black/75 px-4 py-2 text-sm text-white sm:text-base"
            data-testid="caption"
          >
            {caption}
          </p>
          <span aria-hidden="true" className="absolute top-0 left-0 h-1.5 w-full" style={{ backgroundColor: color }} />
        </div>

        <div className="flex flex-col gap-2 border-t border-line px-4 py-3">
          <div className="relative">
            <input
              type="range"
              min={0}
              max={duration}
              step={1}
              value={Math.floor(player.time)}
              onChange={(e) => player.seek(Number(e.target.value))}
              aria-label="Seek"
              aria-valuetext={`${formatClock(player.time)} of ${formatClock(duration)}`}
              className="relative z-10 h-2 w-full cursor-pointer accent-[var(--lm-brand)]"
            />
            <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-1/2 z-20 h-0">
              {starts.slice(1).map((s) => (
                <span
                  key={s}
                  className="absolute -top-2 h-4 w-0.5 rounded bg-fg/70"
                  style={{ left: `${progressFraction(s, duration) * 100}%` }}
                />
              ))}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              onClick={player.prev}
              className="rounded-lg p-2 text-fg hover:bg-raised"
              aria-label="Previous key point"
            >
              <Icon name="prev" />
            </button>
            <button
              type="button"
              onClick={player.toggle}
              className="rounded-full bg-brand p-3 text-brand-fg hover:opacity-90"
              aria-label={player.playing ? "Pause" : player.ended ? "Replay" : "Play"}
            >
              <Icon name={player.playing ? "pause" : "play"} className="size-5 fill-current" />
            </button>
            <button
              type="button"
              onClick={player.next}
              className="rounded-lg p-2 text-fg hover:bg-raised"
              aria-label="Next key point"
            >
              <Icon name="next" />
            </button>
            <span className="ml-1 text-sm text-muted tabular-nums" data-testid="clock">
              {formatClock(player.time)} / {formatClock(duration)}
            </span>
            <div className="ml-auto flex items-center gap-2">
              {canNarrate() && (
                <button
                  type="button"
                  aria-pressed={narrate}
                  onClick={() => setNarrate((n) => !n)}
                  className="rounded-lg p-2 text-fg hover:bg-raised"
                  aria-label="Narration"
                  title={narrate ? "Narration on" : "Narration off"}
                >
                  <Icon name={narrate ? "volume" : "mute"} />
                </button>
              )}
              <label htmlFor={speedId} className="text-sm text-muted">
                Speed
              </label>
              <select
                id={speedId}
                value={player.speed}
                onChange={(e) => player.setSpeed(Number(e.target.value) as Speed)}
                className="h-9 rounded-lg border border-line bg-surface px-2 text-sm text-fg"
              >
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="hidden text-xs text-muted sm:block">
            Shortcuts: Space play/pause · ← → previous/next key point
          </p>
        </div>
      </section>
    );
  },
);
