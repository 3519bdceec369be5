// Subscribe a screen to one realtime channel for as long as it is shown.
import type { RealtimeEvent } from "@lm/core";
import { useEffect, useRef, useState } from "react";
import { realtime } from "./client";

/** Returns whether the socket is live, so callers can fall back to polling when it is not. */
export function useChannel(channel: string | null, onEvent: (event: RealtimeEvent) => void): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [live, setLive] = useState(realtime.isLive());
  useEffect(() => realtime.onStatus(setLive), []);
  useEffect(() => {
    if (!channel) return;
    return realtime.subscribe(channel, (event) => handler.current(event));
  }, [channel]);
  return live;
}
