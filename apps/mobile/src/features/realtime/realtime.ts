// One WebSocket to /realtime shared by every screen: channel subscriptions, dispatch, reconnect.
import type { ClientMessage, ServerMessage } from "@lm/core";

export type RealtimeEvent = Extract<ServerMessage, { type: "event" }>;
type Handler = (event: RealtimeEvent) => void;
type SocketLike = Pick<WebSocket, "send" | "close" | "readyState"> & {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};
export type SocketFactory = (url: string) => SocketLike;

/** ws(s)://host/api/v1/realtime?access_token=… from the REST base URL. */
export function realtimeUrl(baseUrl: string, accessToken: string | undefined): string {
  const url = new URL(baseUrl.replace(/\/$/, "") + "/realtime");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  if (accessToken) url.searchParams.set("access_token", accessToken);
  return url.toString();
}

export class Realtime {
  private socket: SocketLike | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly statusListeners = new Set<(live: boolean) => void>();
  private live = false;
  private retries = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly url: () => string,
    private readonly connect: SocketFactory = (u) => new WebSocket(u) as unknown as SocketLike,
  ) {}

  isLive(): boolean {
    return this.live;
  }

  onStatus(listener: (live: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  subscribe(channel: string, handler: Handler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      if (this.live) this.send({ type: "subscribe", channel });
    }
    set.add(handler);
    this.ensureOpen();
    return () => {
      set.delete(handler);
      if (set.size > 0) return;
      this.handlers.delete(channel);
      if (this.live) this.send({ type: "unsubscribe", channel });
      if (this.handlers.size === 0) this.close();
    };
  }

  /** Reconnects with the current token (after sign-in or a refresh). */
  restart(): void {
    this.close();
    if (this.handlers.size > 0) this.ensureOpen();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setLive(false);
  }

  private ensureOpen(): void {
    if (this.socket || this.timer) return;
    let socket: SocketLike;
    try {
      socket = this.connect(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.retries = 0;
      this.setLive(true);
      for (const channel of this.handlers.keys()) this.send({ type: "subscribe", channel });
    };
    socket.onmessage = (ev) => this.dispatch(ev.data);
    socket.onerror = () => undefined;
    socket.onclose = () => {
      this.socket = null;
      this.setLive(false);
      if (this.handlers.size > 0) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const delay = Math.min(30_000, 1000 * 2 ** this.retries++);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ensureOpen();
    }, delay);
  }

  private dispatch(raw: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(raw)) as ServerMessage;
    } catch {
      return;
    }
    if (message.type !== "event") return;
    for (const handler of this.handlers.get(message.channel) ?? []) handler(message);
  }

  private send(message: ClientMessage): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const listener of this.statusListeners) listener(live);
  }
}
