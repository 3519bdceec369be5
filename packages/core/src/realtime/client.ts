// The realtime client both apps share: one WebSocket to /api/v1/realtime carrying every channel
// ("video:<id>", "user:<id>") a screen listens to. It subscribes each channel once however many
// listeners it has, subscribes again after a reconnect, and backs off while the server is away.
// Platform-free: each app injects how to open a socket and where the token comes from. Events are
// parsed with core's schemas before any listener sees them; those (and zod) load with the first
// message unless the app hands the parser in, so the web app's first load does not pull zod in.
import type { ClientMessage, RealtimeEventMessage } from "../schemas/realtime.js";

export type RealtimeEvent = RealtimeEventMessage;
export type RealtimeListener = (event: RealtimeEvent) => void;
/** Turns a message from the wire into a typed event, or null (not an event, unknown, malformed). */
export type RealtimeEventParser = (message: unknown) => RealtimeEvent | null;

/**
 * The part of a WebSocket the client uses. Handlers take `never` so that the browser's and React
 * Native's WebSocket (whose handlers expect their own event classes) fit without a cast; the
 * client reads nothing but a message's `data`.
 */
export interface RealtimeSocket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror?: ((event: never) => void) | null;
}

export interface RealtimeOptions {
  /** The REST API's base URL (…/api/v1); the socket lives at <base>/realtime. */
  apiBaseUrl: string;
  /** The access token, read at every (re)connect; undefined connects as a guest (public channels only). */
  token: () => string | undefined;
  /** Opens a socket; null means this platform has none, and the client stays offline. */
  createSocket: (url: string) => RealtimeSocket | null;
  /** Close the socket when no listener is left, instead of keeping it for the next screen. */
  closeWhenIdle?: boolean;
  /** core's parseRealtimeEvent, for an app that has zod loaded anyway; without it, it loads on the first message. */
  parseEvent?: RealtimeEventParser;
}

const loadParser = (): Promise<RealtimeEventParser> =>
  import("../schemas/realtime.js").then((m) => m.parseRealtimeEvent);

const OPEN = 1;
const MAX_BACKOFF_MS = 30_000;
// Proxies and load balancers drop sockets that stay quiet for about a minute.
const PING_MS = 25_000;

/** ws(s)://host/api/v1/realtime?access_token=… from the REST base URL. */
export function realtimeUrl(apiBaseUrl: string, accessToken: string | undefined): string {
  const url = new URL(apiBaseUrl.replace(/\/$/, "") + "/realtime");
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  // Browsers cannot set headers on a WebSocket handshake, so the token travels in the query.
  if (accessToken) url.searchParams.set("access_token", accessToken);
  return url.toString();
}

export class RealtimeClient {
  private socket: RealtimeSocket | null = null;
  private readonly listeners = new Map<string, Set<RealtimeListener>>();
  private readonly statusListeners = new Set<(live: boolean) => void>();
  private readonly resyncListeners = new Set<() => void>();
  /** Whether a socket was open before: the next open is a reconnect, with events missed in between. */
  private wasOpen = false;
  private live = false;
  private retries = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private parse: RealtimeEventParser | null;
  /** Messages that arrived while the parser was loading, delivered in order once it is there. */
  private backlog: unknown[] = [];
  private loading = false;

  constructor(private readonly options: RealtimeOptions) {
    this.parse = options.parseEvent ?? null;
  }

  /** True while the socket is open; screens poll instead when it is not. */
  isLive(): boolean {
    return this.live;
  }

  onStatus(listener: (live: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Calls `listener` when events may have been missed: after a reconnect, and when the server says
   * so (it lost its database listener for a while). Apps refetch what they show.
   */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Calls `listener` for every event on `channel` until the returned function is called. */
  subscribe(channel: string, listener: RealtimeListener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.send({ type: "subscribe", channel });
    }
    set.add(listener);
    this.connect();
    return () => {
      // Looked up again: the channel may have emptied and been re-joined with a new set since.
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      this.send({ type: "unsubscribe", channel });
      if (this.listeners.size === 0 && this.options.closeWhenIdle) this.close();
    };
  }

  /** Reconnects now, with the current token: signing in or out changes which channels the server allows. */
  restart(): void {
    this.close();
    this.connect();
  }

  /** Drops the socket and any pending reconnect; the next subscribe opens a new one. */
  close(): void {
    // Closed on purpose (a new identity, or nobody listening): the next open is a fresh start.
    this.wasOpen = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.stopPing();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      // Closed on purpose: its close event must not schedule a reconnect.
      socket.onclose = null;
      socket.close();
    }
    this.setLive(false);
  }

  private connect(): void {
    if (this.socket || this.reconnectTimer || this.listeners.size === 0) return;
    let socket: RealtimeSocket | null;
    try {
      socket = this.options.createSocket(realtimeUrl(this.options.apiBaseUrl, this.options.token()));
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (!socket) return;
    this.socket = socket;
    socket.onopen = () => {
      this.retries = 0;
      this.setLive(true);
      for (const channel of this.listeners.keys()) this.send({ type: "subscribe", channel });
      if (this.wasOpen) this.resync();
      this.wasOpen = true;
      this.stopPing();
      this.pingTimer = setInterval(() => this.send({ type: "ping" }), PING_MS);
    };
    socket.onmessage = (event: { data: unknown }) => this.receive(event.data);
    // An error is always followed by a close event, which is where reconnecting happens.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      this.socket = null;
      this.stopPing();
      this.setLive(false);
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.listeners.size === 0) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.retries++);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private receive(raw: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(raw));
    } catch {
      return;
    }
    const type = typeof message === "object" && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === "resync") {
      this.resync();
      return;
    }
    // Anything but an event (pong, subscribed, error, or garbage) needs no action from a listener.
    if (type !== "event") return;
    if (this.parse) {
      this.deliver(this.parse, message);
      return;
    }
    this.backlog.push(message);
    if (this.loading) return;
    this.loading = true;
    loadParser().then(
      (parse) => {
        this.parse = parse;
        const waiting = this.backlog;
        this.backlog = [];
        for (const m of waiting) this.deliver(parse, m);
      },
      () => {
        // The chunk did not load (offline, a new deploy): drop these and try again with the next event.
        this.loading = false;
        this.backlog = [];
      },
    );
  }

  /** A malformed or unknown event is dropped: a listener never sees data its schema does not describe. */
  private deliver(parse: RealtimeEventParser, message: unknown): void {
    const event = parse(message);
    if (!event) return;
    for (const listener of [...(this.listeners.get(event.channel) ?? [])]) listener(event);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private resync(): void {
    for (const listener of [...this.resyncListeners]) listener();
  }

  private stopPing(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const listener of this.statusListeners) listener(live);
  }
}
