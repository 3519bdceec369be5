// The app's realtime connection, authenticated with the current access token.
import { API_URL } from "../../config/api-url";
import { tokenStore } from "../../lib/api";
import { Realtime, realtimeUrl } from "./realtime";

export const realtime = new Realtime(() => realtimeUrl(API_URL, tokenStore.get()?.accessToken));

// Signing in or out changes which channels the socket may join: reconnect as the new identity.
let signedIn = tokenStore.get() !== null;
tokenStore.subscribe((session) => {
  if ((session !== null) === signedIn) return;
  signedIn = session !== null;
  realtime.restart();
});
