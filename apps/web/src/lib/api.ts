// The one API client of the app: core's ApiClient with its tokens kept in the auth store.
// Refreshes are single-flight inside a tab (core) and across tabs (a Web Lock), so a rotation
// never races another tab's rotation of the same refresh token.
import { ApiClient, type ClientOptions, type Session, type TokenStore } from "@lm/core";
import { API_BASE_URL } from "../config";
import { currentSession, useAuth } from "../stores/auth";
import { sessionEndedMessage } from "./session-messages";

export const authTokenStore: TokenStore = {
  get: () => currentSession(),
  set: (session: Session | null) => {
    const auth = useAuth.getState();
    if (session) auth.setSession(session);
    else if (auth.session) auth.setSession(null);
  },
};

export class WebApiClient extends ApiClient {
  private inflight: Promise<boolean> | null = null;
  /** The refresh token this tab held when it last sent a request. */
  private sentWith: string | undefined;

  override request<T>(...args: Parameters<ApiClient["request"]>): Promise<T> {
    this.sentWith = this.tokens.get()?.refreshToken;
    return super.request<T>(...args);
  }

  override refresh(): Promise<boolean> {
    const sentWith = this.sentWith;
    const run = async (): Promise<boolean> => {
      // Another tab rotated the pair since this tab sent its request: those tokens are ours too,
      // and presenting our spent token again would end the whole session.
      const now = this.tokens.get()?.refreshToken;
      if (now && sentWith && now !== sentWith) return true;
      return super.refresh();
    };
    const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
    this.inflight ??= (locks ? locks.request("lm-session-refresh", run).then((ok) => ok) : run()).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }
}

export function createApiClient(options: Partial<ClientOptions> = {}): WebApiClient {
  return new WebApiClient({
    baseUrl: API_BASE_URL,
    tokens: authTokenStore,
    onSessionEnded: (code) => useAuth.getState().signOut(sessionEndedMessage(code)),
    ...options,
  });
}

export let api: WebApiClient = createApiClient();

/** Tests swap in a client with a fake fetch. */
export function setApiClient(client: WebApiClient): void {
  api = client;
}
