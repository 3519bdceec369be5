// The player's clock as a hook: plays from the wall clock (not tick counts) so it cannot drift.
import { advance, clampTime } from "@lm/core";
import { useCallback, useEffect, useRef, useState } from "react";

export interface Playback {
  time: number;
  playing: boolean;
  play(): void;
  pause(): void;
  seek(t: number): void;
}

/** `startAt`: the second to open at (a review card's "watch the moment"). */
export function usePlayback(duration: number, rate = 1, tickMs = 250, startAt = 0): Playback {
  const [time, setTime] = useState(() => clampTime(startAt, duration));
  const [playing, setPlaying] = useState(false);
  const origin = useRef({ at: 0, time: 0 });

  // `time` is read only when playback (re)starts; seeking resets the origin itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: restarting on every tick would reset the origin
  useEffect(() => {
    if (!playing) return;
    origin.current = { at: Date.now(), time };
    const id = setInterval(() => {
      const next = advance(origin.current.time, Date.now() - origin.current.at, rate, duration);
      setTime(next);
      if (next >= duration) setPlaying(false);
    }, tickMs);
    return () => clearInterval(id);
  }, [playing, rate, duration, tickMs]);

  const seek = useCallback(
    (t: number) => {
      const next = clampTime(t, duration);
      origin.current = { at: Date.now(), time: next };
      setTime(next);
    },
    [duration],
  );

  const play = useCallback(() => {
    setTime((t) => (t >= duration ? 0 : t));
    if (time >= duration) origin.current = { at: Date.now(), time: 0 };
    setPlaying(true);
  }, [duration, time]);

  return { time, playing, play, pause: useCallback(() => setPlaying(false), []), seek };
}
