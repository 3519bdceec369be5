// The web app's end of the shared realtime client (@lm/core): one WebSocket per tab, connected as
// the signed-in user and reconnected whenever the session's token changes, plus the React hook
// components use to listen to a channel ("video:<id>", "user:<id>").
import { RealtimeClient, type RealtimeListener } from "@lm/core";
import { useEffect, useRef } from "react";
import { API_BASE_URL } from "../config";
import { useAuth } from "../stores/auth";

const accessToken = () => useAuth.getState().session?.accessToken;

// The socket stays open when the last listener leaves: the next page usually listens again at
// once, and React's StrictMode remounts would otherwise close it before it ever connects.
export const realtime = new RealtimeClient({
  apiBaseUrl: API_BASE_URL,
  token: accessToken,
  // Read at connect time, so a test's stand-in WebSocket is the one used.
  createSocket: (url) => (typeof WebSocket === "undefined" ? null : new WebSocket(url)),
});

// A new token (sign-in, sign-out, refresh) changes which channels the server lets this tab join.
let token = accessToken();
useAuth.subscribe(() => {
  if (accessToken() === token) return;
  token = accessToken();
  realtime.restart();
});

/** Calls `onEvent` for every event on `channel` while mounted (null: no subscription). */
export function useChannel(channel: string | null, onEvent: RealtimeListener): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!channel) return;
    return realtime.subscribe(channel, (e) => handler.current(e));
  }, [channel]);
}
