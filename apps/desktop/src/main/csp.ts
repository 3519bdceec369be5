// The Content-Security-Policy every response gets, and the webRequest hook that sets it.
// Strict on purpose: no 'unsafe-inline', no 'unsafe-eval'; the only remote origin is the API server;
// inline scripts run only if their hash was taken from the shipped build (see script-hashes.ts).
import type { OnHeadersReceivedListenerDetails, Session } from "electron";

/** The websocket origin matching an http(s) origin: realtime uses ws(s) on the same host. */
export function websocketOrigin(serverUrl: string): string {
  return serverUrl.replace(/^http(s?):\/\//, "ws$1://");
}

/** A CSP hash source expression, as the build writes them. */
export const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

export function buildCsp(serverUrl: string, scriptHashes: readonly string[] = []): string {
  const server = new URL(serverUrl).origin;
  for (const hash of scriptHashes) {
    if (!HASH_SOURCE.test(hash)) throw new Error(`not a script hash: ${hash}`);
  }
  const directives: Record<string, string[]> = {
    "default-src": ["'none'"],
    "script-src": ["'self'", ...scriptHashes],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:", server],
    "media-src": ["'self'", "blob:", server],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", server, websocketOrigin(server)],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

type Headers = Record<string, string[]>;

/** Replaces any CSP the response carried (in any letter case) with ours. */
export function withCsp(headers: Headers | undefined, csp: string): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== "content-security-policy") out[name] = value;
  }
  out["Content-Security-Policy"] = [csp];
  return out;
}

// The listener-only overload of webRequest.onHeadersReceived (no URL filter: every response).
type HeadersListener = NonNullable<Parameters<Session["webRequest"]["onHeadersReceived"]>[0]>;
export interface CspWebRequest {
  onHeadersReceived(listener: HeadersListener): void;
}

export function installCsp(webRequest: CspWebRequest, csp: string): void {
  webRequest.onHeadersReceived((details: OnHeadersReceivedListenerDetails, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
}
