// What one client may cost the realtime hub: sockets per IP, and messages per socket (a token
// bucket: a burst, then a steady rate). The web and mobile clients send a few messages per screen
// and one ping every 25 s; a reconnect re-subscribes at most MAX_SUBSCRIPTIONS channels at once.
import type { IncomingMessage } from "node:http";

export interface RealtimeLimits {
  heartbeatMs?: number;
  maxBufferedBytes?: number;
  /** Open sockets per client IP; the next handshake is refused with 429. */
  maxConnectionsPerIp?: number;
  /** Messages a socket may send at once before the steady rate applies. */
  messageBurst?: number;
  messagesPerSecond?: number;
  /** Messages dropped (after the one error) before the socket is closed. */
  droppedBeforeClose?: number;
}

export const REALTIME_DEFAULTS = {
  heartbeatMs: 30_000,
  maxBufferedBytes: 1_000_000,
  maxConnectionsPerIp: 100,
  messageBurst: 60,
  messagesPerSecond: 10,
  droppedBeforeClose: 100,
} satisfies Required<RealtimeLimits>;

/**
 * The client address as Express's `req.ip` sees it with `trust proxy` = `hops`: the socket's peer,
 * or the address that many proxies back in X-Forwarded-For. Upgrades never pass through Express.
 */
export function clientIp(req: IncomingMessage, hops: number): string {
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const chain = [req.socket.remoteAddress ?? "unknown", ...forwarded];
  return chain[Math.min(hops, chain.length - 1)];
}

/** Counts open sockets per IP. `acquire` reserves a slot at once, so parallel handshakes cannot all pass. */
export function connectionCounter(max: number) {
  const open = new Map<string, number>();
  return {
    acquire(ip: string): (() => void) | null {
      const n = open.get(ip) ?? 0;
      if (n >= max) return null;
      open.set(ip, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(ip) ?? 1) - 1;
        if (left > 0) open.set(ip, left);
        else open.delete(ip);
      };
    },
  };
}

export type MessageVerdict = "ok" | "warn" | "drop" | "close";

/** A token bucket per socket: `ok` within the limits; then `warn` once, `drop`, and finally `close`. */
export function messageBudget(limits: Required<RealtimeLimits>, now: () => number = Date.now) {
  let tokens = limits.messageBurst;
  let refilledAt = now();
  let dropped = 0;
  let warned = false;
  return (): MessageVerdict => {
    const t = now();
    tokens = Math.min(limits.messageBurst, tokens + ((t - refilledAt) * limits.messagesPerSecond) / 1000);
    refilledAt = t;
    // A flood ends when the client has been calm long enough to refill the whole burst. A token
    // that trickles back mid-flood lets one message through but does not start a new episode (it
    // used to: a flood read in chunks by a loaded server got an error per chunk and more drops).
    if (tokens >= limits.messageBurst) {
      warned = false;
      dropped = 0;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return "ok";
    }
    dropped += 1;
    if (dropped > limits.droppedBeforeClose) return "close";
    if (warned) return "drop";
    warned = true;
    return "warn";
  };
}
