// The WebSocket hub at /api/v1/realtime. Events come from the database (triggers → pg_notify), and
// every instance LISTENs, so a change committed through any instance reaches every subscriber.
import type { IncomingMessage, Server } from "node:http";
import { ClientMessage, type ServerMessage } from "@lm/core";
import { type WebSocket, WebSocketServer } from "ws";
import type { AppContext } from "../context.js";
import { liveSession } from "../auth/repository.js";
import { authorize } from "./channels.js";
import { enrichComment } from "./enrich.js";
import { observeDelivery, trackSockets } from "../observability/metrics.js";

const PATH = "/api/v1/realtime";
const MAX_SUBSCRIPTIONS = 50;
const HEARTBEAT_MS = 30_000;
/** A client that cannot keep up is dropped rather than buffered for ever. */
const MAX_BUFFERED_BYTES = 1_000_000;

interface Client {
  ws: WebSocket;
  userId: string | null;
  sessionId: string | null;
  channels: Set<string>;
  alive: boolean;
}

interface DbEvent {
  channel: string;
  event: Extract<ServerMessage, { type: "event" }>["event"];
  data: Record<string, unknown>;
}

export interface HubOptions {
  heartbeatMs?: number;
  maxBufferedBytes?: number;
}

export async function attachRealtime(server: Server, ctx: AppContext, opts: HubOptions = {}) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  const byChannel = new Map<string, Set<Client>>();
  const clients = new Set<Client>();
  const maxBuffered = opts.maxBufferedBytes ?? MAX_BUFFERED_BYTES;

  const send = (c: Client, msg: ServerMessage) => {
    if (c.ws.bufferedAmount > maxBuffered) {
      c.ws.terminate();
      return;
    }
    c.ws.send(JSON.stringify(msg));
  };
  const unsubscribe = (c: Client, channel: string) => {
    c.channels.delete(channel);
    byChannel.get(channel)?.delete(c);
    if (byChannel.get(channel)?.size === 0) byChannel.delete(channel);
  };

  server.on("upgrade", async (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== PATH) {
      socket.destroy();
      return;
    }
    const token = url.searchParams.get("access_token");
    const auth = token ? await ctx.auth.authenticate(token).catch(() => null) : null;
    if (token && !auth) {
      socket.end(
        'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"code":"unauthorized"}',
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = {
        ws,
        userId: auth?.userId ?? null,
        sessionId: auth?.sessionId ?? null,
        channels: new Set(),
        alive: true,
      };
      clients.add(client);
      ws.on("pong", () => {
        client.alive = true;
      });
      ws.on("message", (raw) => void onMessage(client, raw.toString()));
      ws.on("close", () => {
        clients.delete(client);
        for (const ch of [...client.channels]) unsubscribe(client, ch);
      });
      ws.on("error", () => ws.terminate());
    });
  });

  async function onMessage(c: Client, raw: string) {
    let msg: ClientMessage;
    try {
      msg = ClientMessage.parse(JSON.parse(raw));
    } catch {
      send(c, { type: "error", code: "invalid_message" });
      return;
    }
    if (msg.type === "ping") return send(c, { type: "pong" });
    if (msg.type === "unsubscribe") {
      unsubscribe(c, msg.channel);
      return send(c, { type: "unsubscribed", channel: msg.channel });
    }
    if (c.channels.has(msg.channel)) return send(c, { type: "subscribed", channel: msg.channel });
    if (c.channels.size >= MAX_SUBSCRIPTIONS)
      return send(c, { type: "error", code: "too_many_subscriptions", channel: msg.channel });
    const check = await authorize(ctx.db, msg.channel, c.userId).catch(() => ({
      ok: false as const,
      code: "not_found" as const,
    }));
    if (!check.ok) return send(c, { type: "error", code: check.code, channel: msg.channel });
    c.channels.add(msg.channel);
    if (!byChannel.has(msg.channel)) byChannel.set(msg.channel, new Set());
    byChannel.get(msg.channel)!.add(c);
    send(c, { type: "subscribed", channel: msg.channel });
  }

  async function dispatch(payload: string) {
    const receivedAt = Date.now();
    let e: DbEvent & { ts?: unknown };
    try {
      e = JSON.parse(payload) as DbEvent;
    } catch {
      return;
    }
    const subscribers = byChannel.get(e.channel);
    if (!subscribers?.size) return;
    let data = e.data;
    if (e.event === "comment.created" || e.event === "comment.updated")
      data = await enrichComment(ctx.db, data).catch(() => e.data);
    for (const c of [...subscribers]) {
      // A video that stopped being public keeps only its creator as an audience.
      if (
        e.channel.startsWith("video:") &&
        e.event === "video.updated" &&
        data.status !== "PUBLIC" &&
        c.userId !== data.createdBy
      ) {
        unsubscribe(c, e.channel);
        send(c, { type: "error", code: "not_found", channel: e.channel });
        continue;
      }
      send(c, { type: "event", channel: e.channel, event: e.event, data });
    }
    observeDelivery(receivedAt, e.ts);
  }

  const stopListening = await ctx.db.listen("lm_events", (p) => void dispatch(p));

  // Heartbeat: drop dead peers, and sockets whose session has ended (logout, reuse, reset).
  const heartbeat = setInterval(async () => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      if (c.sessionId && c.userId && !(await liveSession(ctx.db, c.sessionId, c.userId).catch(() => true))) {
        c.ws.close(4401, "session ended");
      }
    }
  }, opts.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  const stopCounting = trackSockets(() => clients.size);
  ctx.closers.push(async () => {
    await stopCounting();
    clearInterval(heartbeat);
    await stopListening();
    for (const ws of wss.clients) ws.close(1001, "server shutting down");
    wss.close();
  });
  return { wss, clientCount: () => wss.clients.size };
}
