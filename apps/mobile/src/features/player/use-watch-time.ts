// Reports watch time while a lesson plays (slides and MP4 alike): the accounting is core's
// WatchTracker, shared with the web player; this hook feeds it the clock and sends its beats.
// Signed-out viewers have no stats to move.
import { type WatchBeat, WatchTracker } from "@lm/core";
import { useEffect, useRef } from "react";
import { AppState } from "react-native";
import { tokenStore } from "../../lib/api";
import { sendWatchBeat } from "../videos/api/watch-time";

/** How often the tracker is asked whether a beat is due (it sends one per 30 s played). */
const CHECK_MS = 5_000;

function send(videoId: string, beats: WatchBeat[]) {
  if (beats.length === 0 || !tokenStore.get()) return;
  for (const beat of beats) {
    sendWatchBeat(videoId, beat).catch(() => {
      // A lost beat loses at most half a minute of stats: not worth bothering the student about.
    });
  }
}

export function useWatchTime(videoId: string, playing: boolean, positionSec: number): void {
  const tracker = useRef(new WatchTracker());
  const position = useRef(positionSec);
  position.current = positionSec;
  const isPlaying = useRef(playing);
  isPlaying.current = playing;

  useEffect(() => {
    const t = tracker.current;
    if (!playing) return void send(videoId, t.pause(Date.now(), position.current));
    t.play(Date.now(), position.current);
    const id = setInterval(() => send(videoId, t.tick(Date.now(), position.current)), CHECK_MS);
    return () => clearInterval(id);
  }, [videoId, playing]);

  // Leaving the lesson or the app: what was played so far goes out; back in front, counting resumes.
  useEffect(() => {
    const t = tracker.current;
    const sub = AppState.addEventListener("change", (state) => {
      if (state === "active") {
        if (isPlaying.current) t.play(Date.now(), position.current);
      } else send(videoId, t.pause(Date.now(), position.current));
    });
    return () => {
      sub.remove();
      send(videoId, t.pause(Date.now(), position.current));
    };
  }, [videoId]);
}
