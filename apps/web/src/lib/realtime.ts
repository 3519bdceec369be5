// One WebSocket per tab for live updates. Components subscribe to channels ("video:<id>",
// "user:<id>"); the connection reconnects with backoff, re-subscribes, and reconnects with the
// new token whenever the session changes.
import type { ClientMessage, RealtimeEventName, ServerMessage } from "@lm/core";
import { useEffect, useRef } from "react";
import { realtimeUrl } from "../config";
import { useAuth } from "../stores/auth";

export interface RealtimeEvent {
  channel: string;
  event: RealtimeEventName;
  data: Record<string, unknown>;
}
type Listener = (event: RealtimeEvent) => void;

export class RealtimeConnection {
  private socket: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private token: string | undefined;
  private ping: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly makeSocket: (url: string) => WebSocket = (url) => new WebSocket(url)) {}

  subscribe(channel: string, listener: Listener): () => void {
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.send({ type: "subscribe", channel });
    }
    set.add(listener);
    this.ensureOpen();
    return () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        this.send({ type: "unsubscribe", channel });
      }
    };
  }

  setToken(token: string | undefined): void {
    if (token === this.token) return;
    this.token = token;
    if (this.socket) {
      this.socket.onclose = null;
      this.socket.close();
      this.socket = null;
      this.ensureOpen();
    }
  }

  private ensureOpen(): void {
    if (this.socket || this.timer || this.listeners.size === 0 || typeof WebSocket === "undefined") return;
    let socket: WebSocket;
    try {
      socket = this.makeSocket(realtimeUrl(this.token));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.retry = 0;
      for (const channel of this.listeners.keys()) this.send({ type: "subscribe", channel });
      // Keeps idle connections alive through proxies that close quiet sockets.
      if (this.ping) clearInterval(this.ping);
      this.ping = setInterval(() => this.send({ type: "ping" }), 25_000);
    };
    socket.onmessage = (msg) => {
      let parsed: ServerMessage;
      try {
        parsed = JSON.parse(String(msg.data)) as ServerMessage;
      } catch {
        return;
      }
      if (parsed.type !== "event") return;
      for (const listener of this.listeners.get(parsed.channel) ?? []) listener(parsed);
    };
    socket.onclose = () => {
      this.socket = null;
      if (this.ping) clearInterval(this.ping);
      this.ping = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.listeners.size === 0) return;
    const delay = Math.min(30_000, 1000 * 2 ** this.retry++);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ensureOpen();
    }, delay);
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === 1) this.socket.send(JSON.stringify(message));
  }
}

export const realtime = new RealtimeConnection();

useAuth.subscribe((state) => realtime.setToken(state.session?.accessToken));
realtime.setToken(useAuth.getState().session?.accessToken);

/** Calls `onEvent` for every event on `channel` while mounted (null: no subscription). */
export function useChannel(channel: string | null, onEvent: Listener): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!channel) return;
    return realtime.subscribe(channel, (e) => handler.current(e));
  }, [channel]);
}
