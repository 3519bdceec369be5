// Reports watch time while a lesson plays (both players): the accounting is core's WatchTracker,
// this hook feeds it the clock and sends its beats. Signed-out viewers have no stats to move.
import { WatchTracker, type WatchBeat } from "@lm/core";
import { useEffect, useRef } from "react";
import { api } from "../../../lib/api";
import { currentSession } from "../../../stores/auth";

/** How often the tracker is asked whether a beat is due (it sends one per 30 s played). */
const CHECK_MS = 5_000;

function send(videoId: string, beats: WatchBeat[], keepalive = false) {
  if (beats.length === 0 || !currentSession()) return;
  for (const beat of beats) {
    api.watchVideo(videoId, beat, { keepalive }).catch(() => {
      // A lost beat loses at most half a minute of stats: not worth bothering the student about.
    });
  }
}

/** `videoId` undefined: nothing is reported (a player shown outside a lesson page). */
export function useWatchTime(videoId: string | undefined, playing: boolean, positionSec: number): void {
  const tracker = useRef(new WatchTracker());
  const position = useRef(positionSec);
  position.current = positionSec;
  const isPlaying = useRef(playing);
  isPlaying.current = playing;

  useEffect(() => {
    if (!videoId) return;
    const t = tracker.current;
    if (!playing) return void send(videoId, t.pause(Date.now(), position.current));
    t.play(Date.now(), position.current);
    const id = setInterval(() => send(videoId, t.tick(Date.now(), position.current)), CHECK_MS);
    return () => clearInterval(id);
  }, [videoId, playing]);

  // Leaving the page or the lesson: what was played so far goes out (keepalive outlives the page).
  useEffect(() => {
    if (!videoId) return;
    const t = tracker.current;
    const flush = () => {
      send(videoId, t.pause(Date.now(), position.current), true);
      // Back from the bfcache still playing: go on counting.
      if (isPlaying.current) t.play(Date.now(), position.current);
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      send(videoId, t.pause(Date.now(), position.current), true);
    };
  }, [videoId]);
}
