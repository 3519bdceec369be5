// The app's single API client (from @lm/core) with the device token store plugged in.
import { ApiClient } from "@lm/core";
import { API_URL } from "../config/api-url";
import { createTokenStore } from "../features/auth/token-store";

export const tokenStore = createTokenStore();

export const api = new ApiClient({
  baseUrl: API_URL,
  tokens: tokenStore,
  // The client has already cleared the tokens; AuthProvider hears that through the store.
  onSessionEnded: () => undefined,
});
