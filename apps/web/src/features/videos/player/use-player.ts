// The player's state machine around the shared timing rules (@lm/core): a clock that ticks while playing.
import { advance, clampTime, indexAt, nextSlideStart, previousSlideStart, type Slide, type Speed } from "@lm/core";
import { useCallback, useEffect, useState } from "react";

export const TICK_MS = 250;

export interface PlayerState {
  time: number;
  playing: boolean;
  speed: Speed;
  /** Index of the slide on screen; -1 when the lesson has none. */
  slide: number;
  ended: boolean;
  /** Bumps on every jump (seek, skip), so narration can restart at the new place. */
  jumps: number;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(t: number): void;
  next(): void;
  prev(): void;
  setSpeed(s: Speed): void;
}

export function usePlayer(duration: number, slides: readonly Slide[], initialSpeed: Speed = 1): PlayerState {
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(initialSpeed);
  const [jumps, setJumps] = useState(0);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setTime((t) => advance(t, TICK_MS, speed, duration)), TICK_MS);
    return () => clearInterval(id);
  }, [playing, speed, duration]);

  const ended = duration > 0 && time >= duration;
  useEffect(() => {
    if (ended) setPlaying(false);
  }, [ended]);

  const jump = useCallback(
    (t: number) => {
      setTime(clampTime(t, duration));
      setJumps((j) => j + 1);
    },
    [duration],
  );

  const play = useCallback(() => {
    setTime((t) => (t >= duration ? 0 : t));
    setPlaying(true);
  }, [duration]);
  const pause = useCallback(() => setPlaying(false), []);
  const toggle = useCallback(() => (playing ? pause() : play()), [playing, play, pause]);

  return {
    time,
    playing,
    speed,
    slide: indexAt(slides, time),
    ended,
    jumps,
    play,
    pause,
    toggle,
    seek: jump,
    next: () => jump(nextSlideStart(slides, time, duration)),
    prev: () => jump(previousSlideStart(slides, time)),
    setSpeed,
  };
}
