// The mobile app's end of the shared realtime client (@lm/core): one socket for every screen,
// authenticated with the current access token.
import { parseRealtimeEvent, RealtimeClient } from "@lm/core";
import { API_URL } from "../../config/api-url";
import { tokenStore } from "../../lib/api";

export const realtime = new RealtimeClient({
  apiBaseUrl: API_URL,
  token: () => tokenStore.get()?.accessToken,
  // Read at connect time, so a test's stand-in WebSocket is the one used.
  createSocket: (url) => new WebSocket(url),
  // An open socket nobody listens to keeps the phone's radio awake for nothing.
  closeWhenIdle: true,
  // zod is in the bundle anyway (no first-load budget on a phone): parse at once, no lazy load.
  parseEvent: parseRealtimeEvent,
});

// Signing in or out changes which channels the socket may join: reconnect as the new identity.
let signedIn = tokenStore.get() !== null;
tokenStore.subscribe((session) => {
  if ((session !== null) === signedIn) return;
  signedIn = session !== null;
  realtime.restart();
});
