// The WebSocket hub at /api/v1/realtime. Events come from the database (triggers → pg_notify), and
// every instance LISTENs, so a change committed through any instance reaches every subscriber.
import type { IncomingMessage, Server } from "node:http";
import { ClientMessage, type ServerMessage } from "@lm/core";
import { WebSocket, WebSocketServer } from "ws";
import type { AppContext } from "../context.js";
import { liveSessions } from "../auth/service.js";
import { AppError, unauthorized } from "../http/errors.js";
import { rawProblem } from "../http/problem.js";
import { authorize, type ChannelCheck } from "./channels.js";
import { buildEvent, readNotified } from "./events.js";
import { observeDelivery, trackSockets } from "../observability/metrics.js";
import {
  clientIp,
  connectionCounter,
  type MessageVerdict,
  messageBudget,
  REALTIME_DEFAULTS,
  type RealtimeLimits,
} from "./limits.js";

const PATH = "/api/v1/realtime";
const MAX_SUBSCRIPTIONS = 50;
/** WebSocket close code for a policy violation (RFC 6455): here, flooding the hub with messages. */
const POLICY_VIOLATION = 1008;

interface Client {
  ws: WebSocket;
  userId: string | null;
  sessionId: string | null;
  channels: Set<string>;
  /** Channel checks in flight: a repeated subscribe waits for the same one instead of another query. */
  pending: Map<string, Promise<ChannelCheck>>;
  alive: boolean;
  budget: () => MessageVerdict;
}

export type HubOptions = RealtimeLimits;

export async function attachRealtime(server: Server, ctx: AppContext, opts: HubOptions = {}) {
  const limits = { ...REALTIME_DEFAULTS, ...opts };
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  const byChannel = new Map<string, Set<Client>>();
  const clients = new Set<Client>();
  const perIp = connectionCounter(limits.maxConnectionsPerIp);
  // A client that cannot keep up is dropped rather than buffered for ever.
  const maxBuffered = limits.maxBufferedBytes;

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
    // The slot is taken before anything is awaited, and given back whenever the socket closes.
    const release = perIp.acquire(clientIp(req, ctx.config.trustProxy));
    if (!release) {
      const detail = "Too many live connections from your network; try again later";
      socket.end(rawProblem(new AppError("rate_limited", detail, { headers: { "Retry-After": "30" } })));
      return;
    }
    socket.once("close", release);
    const token = url.searchParams.get("access_token");
    const auth = token ? await ctx.auth.authenticate(token).catch(() => null) : null;
    if (token && !auth) {
      socket.end(rawProblem(unauthorized("The access token is invalid, expired or its session has ended")));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = {
        ws,
        userId: auth?.userId ?? null,
        sessionId: auth?.sessionId ?? null,
        channels: new Set(),
        pending: new Map(),
        alive: true,
        budget: messageBudget(limits),
      };
      clients.add(client);
      ws.on("pong", () => {
        client.alive = true;
      });
      ws.on("message", (raw) => void onMessage(client, raw.toString()));
      ws.on("close", () => {
        clients.delete(client);
        client.pending.clear();
        for (const ch of [...client.channels]) unsubscribe(client, ch);
      });
      ws.on("error", () => ws.terminate());
    });
  });

  async function onMessage(c: Client, raw: string) {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    const verdict = c.budget();
    if (verdict === "warn") return send(c, { type: "error", code: "rate_limited" });
    if (verdict === "drop") return;
    if (verdict === "close") return c.ws.close(POLICY_VIOLATION, "too many messages");
    let msg: ClientMessage;
    try {
      msg = ClientMessage.parse(JSON.parse(raw));
    } catch {
      send(c, { type: "error", code: "invalid_message" });
      return;
    }
    if (msg.type === "ping") return send(c, { type: "pong" });
    if (msg.type === "unsubscribe") {
      c.pending.delete(msg.channel);
      unsubscribe(c, msg.channel);
      return send(c, { type: "unsubscribed", channel: msg.channel });
    }
    await subscribe(c, msg.channel);
  }

  /** Joins a channel after one check; subscribing again to a joined or pending channel costs no query. */
  async function subscribe(c: Client, channel: string) {
    if (c.channels.has(channel)) return send(c, { type: "subscribed", channel });
    let check = c.pending.get(channel);
    if (!check) {
      if (c.channels.size + c.pending.size >= MAX_SUBSCRIPTIONS)
        return send(c, { type: "error", code: "too_many_subscriptions", channel });
      const started: Promise<ChannelCheck> = authorize(ctx.db, channel, c.userId)
        .catch((): ChannelCheck => ({ ok: false, code: "not_found" }))
        .then((result) => {
          // Still wanted (no unsubscribe or close meanwhile): join once, however many asked.
          if (c.pending.get(channel) !== started) return result;
          c.pending.delete(channel);
          if (result.ok && c.ws.readyState === WebSocket.OPEN) {
            c.channels.add(channel);
            if (!byChannel.has(channel)) byChannel.set(channel, new Set());
            byChannel.get(channel)!.add(c);
          }
          return result;
        });
      c.pending.set(channel, started);
      check = started;
    }
    const result = await check;
    if (!result.ok) return send(c, { type: "error", code: result.code, channel });
    if (c.channels.has(channel)) send(c, { type: "subscribed", channel });
  }

  async function dispatch(payload: string) {
    const receivedAt = Date.now();
    const notified = readNotified(ctx, payload);
    if (!notified || !byChannel.get(notified.channel)?.size) return;
    const e = await buildEvent(ctx, notified);
    // Read again: the channel may have emptied while the comment was being read back.
    const subscribers = byChannel.get(notified.channel);
    if (!e || !subscribers?.size) return;
    for (const c of [...subscribers]) {
      // A video that stopped being public keeps only its creator as an audience.
      if (
        e.channel.startsWith("video:") &&
        e.event === "video.updated" &&
        e.data.status !== "PUBLIC" &&
        c.userId !== e.data.createdBy
      ) {
        unsubscribe(c, e.channel);
        send(c, { type: "error", code: "not_found", channel: e.channel });
        continue;
      }
      send(c, e);
    }
    observeDelivery(receivedAt, notified.ts);
  }

  // After the database listener was away, notifications sent meanwhile are lost for good: every
  // socket that listens to something is told to refetch what it shows.
  const stopListening = await ctx.db.listen("lm_events", (p) => void dispatch(p), {
    onGap: () => {
      for (const c of clients) if (c.channels.size > 0) send(c, { type: "resync" });
    },
  });

  // Heartbeat: drop dead peers, and sockets whose session has ended (logout, reuse, reset).
  // One beat at a time, and one query for all sockets' sessions: a beat that awaited a query per
  // socket took longer than the interval with 10,000 sockets, the next beat overlapped it, and
  // sockets were marked dead between a ping and its pong (a load run lost 4,775 of 10,000).
  let beating = false;
  const heartbeat = setInterval(async () => {
    if (beating) return;
    beating = true;
    try {
      const checked = new Set<string>();
      for (const c of clients) {
        if (!c.alive) {
          c.ws.terminate();
          continue;
        }
        c.alive = false;
        c.ws.ping();
        if (c.sessionId) checked.add(c.sessionId);
      }
      const live = await liveSessions(ctx.db, [...checked]).catch(() => null); // database down: keep them
      if (!live) return;
      for (const c of clients) {
        // Sockets that arrived during the query were not asked about.
        if (c.sessionId && checked.has(c.sessionId) && live.get(c.sessionId) !== c.userId) {
          c.ws.close(4401, "session ended");
        }
      }
    } finally {
      beating = false;
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  const stopCounting = trackSockets(() => clients.size);
  // Sockets go first (the HTTP server's close waits for them); the listener after the requests drain.
  ctx.drainers.push(() => {
    clearInterval(heartbeat);
    for (const ws of wss.clients) ws.close(1001, "server shutting down");
    // A client that never answers the close handshake must not hold the shutdown up.
    setTimeout(() => {
      for (const ws of wss.clients) ws.terminate();
    }, 2_000).unref();
  });
  ctx.closers.push(async () => {
    await stopCounting();
    clearInterval(heartbeat);
    await stopListening();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  });
  return { wss, clientCount: () => wss.clients.size };
}
