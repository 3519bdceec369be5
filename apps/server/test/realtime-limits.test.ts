// What one client may cost the realtime hub (issue 12, item 6): a flood of messages on one socket
// is answered with one error and then a close, not thousands of database transactions; joining a
// channel twice costs nothing; one IP holds at most `maxConnectionsPerIp` sockets. The shared
// client the web and mobile apps use stays within all of it.
import { randomUUID } from "node:crypto";
import { RealtimeClient, type RealtimeEvent } from "@lm/core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

type Msg = { type: string; channel?: string; code?: string };
const MAX_PER_IP = 4;

let s: TestServer;
let owner: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  s = await startTestServer({
    realtime: { heartbeatMs: 60_000, maxBufferedBytes: 1_000_000, maxConnectionsPerIp: MAX_PER_IP },
  });
  owner = await makeUser(s);
});
afterAll(() => s.stop());
afterEach(() => {
  vi.restoreAllMocks();
});

async function insertVideo() {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Live lesson', 'MATH', 'BEGINNER', 'Fractions', $1, 'PUBLIC') returning id`,
    [owner.id],
  );
  return row.id;
}

/** Opens a socket as client `ip` (the test server trusts one proxy hop of X-Forwarded-For). */
function open(ip: string) {
  const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime`, { headers: { "x-forwarded-for": ip } });
  const messages: Msg[] = [];
  ws.on("message", (d) => messages.push(JSON.parse(d.toString())));
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  // 101 once the socket is open, else the HTTP status the handshake was refused with.
  const handshake = new Promise<number>((resolve) => {
    ws.once("open", () => resolve(101));
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
  });
  ws.on("error", () => undefined);
  return { ws, messages, closed, handshake };
}

/** The close code, or "still open" when the server has not closed the socket within `ms`. */
const closeCode = (c: { closed: Promise<number> }, ms = 10_000) =>
  Promise.race([c.closed, new Promise<string>((r) => setTimeout(() => r("still open"), ms))]);

const randomIp = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Counts the transactions the hub opens to check channels (every video channel check is one). */
function countChannelChecks() {
  return vi.spyOn(s.ctx.db, "withUser");
}

describe("a subscribe flood on one socket", () => {
  it("3,000 subscribes to one channel: one check, then an error, then the socket is closed", async () => {
    const video = await insertVideo();
    const c = open(randomIp());
    expect(await c.handshake).toBe(101);
    const checks = countChannelChecks();
    const message = JSON.stringify({ type: "subscribe", channel: `video:${video}` });
    for (let i = 0; i < 3_000; i++) c.ws.send(message);
    expect(await closeCode(c)).toBe(1008);
    expect(checks.mock.calls.length).toBeLessThanOrEqual(1);
    expect(c.messages.filter((m) => m.code === "rate_limited")).toHaveLength(1);
  });

  it("3,000 subscribes to different channels: a bounded number of checks, an error, then a close", async () => {
    const c = open(randomIp());
    expect(await c.handshake).toBe(101);
    const checks = countChannelChecks();
    for (let i = 0; i < 3_000; i++) c.ws.send(JSON.stringify({ type: "subscribe", channel: `video:${randomUUID()}` }));
    expect(await closeCode(c)).toBe(1008);
    // At most the burst, and never more than the socket's subscription cap in flight at once.
    expect(checks.mock.calls.length).toBeLessThanOrEqual(60);
    expect(c.messages.filter((m) => m.code === "rate_limited")).toHaveLength(1);
  });

  it("subscribing again, while the first check runs or after it, costs no further query", async () => {
    const video = await insertVideo();
    const c = open(randomIp());
    expect(await c.handshake).toBe(101);
    const checks = countChannelChecks();
    const message = JSON.stringify({ type: "subscribe", channel: `video:${video}` });
    // All sent before the first answer: they wait for the one check in flight.
    for (let i = 0; i < 30; i++) c.ws.send(message);
    await waitFor(() => c.messages.filter((m) => m.type === "subscribed").length === 30);
    expect(checks).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) c.ws.send(message);
    await waitFor(() => c.messages.filter((m) => m.type === "subscribed").length === 50);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(c.messages.filter((m) => m.type === "error")).toEqual([]);
    c.ws.close();
  });
});

describe("sockets per IP", () => {
  it("refuses the socket past the cap with 429 problem+json, and takes one again once a slot frees", async () => {
    const ip = randomIp();
    const held = Array.from({ length: MAX_PER_IP }, () => open(ip));
    expect(await Promise.all(held.map((c) => c.handshake))).toEqual(held.map(() => 101));
    const refused = open(ip);
    expect(await refused.handshake).toBe(429);
    // Another address is unaffected.
    const other = open(randomIp());
    expect(await other.handshake).toBe(101);
    held[0].ws.close();
    await held[0].closed;
    // The slot is free once the server has seen the close, a moment after the client has.
    const again = await waitFor(async () => {
      const c = open(ip);
      return (await c.handshake) === 101 ? c : null;
    });
    for (const c of [...held, other, again]) c.ws.close();
  });

  it("parallel handshakes from one IP cannot all slip past the cap", async () => {
    const ip = randomIp();
    const sockets = Array.from({ length: 20 }, () => open(ip));
    const statuses = await Promise.all(sockets.map((c) => c.handshake));
    expect(statuses.filter((x) => x === 101)).toHaveLength(MAX_PER_IP);
    expect(statuses.filter((x) => x === 429)).toHaveLength(20 - MAX_PER_IP);
    for (const c of sockets) c.ws.close();
  });
});

describe("the shared realtime client (web and mobile)", () => {
  it("joins 40 channels at once, reconnects and re-joins them all, within the limits", async () => {
    const videos = await Promise.all(Array.from({ length: 40 }, () => insertVideo()));
    const seen: Msg[] = [];
    const sockets: WebSocket[] = [];
    const client = new RealtimeClient({
      apiBaseUrl: `${s.url}/api/v1`,
      token: () => undefined,
      createSocket: (url) => {
        const ws = new WebSocket(url, { headers: { "x-forwarded-for": "10.78.0.1" } });
        ws.on("message", (d) => seen.push(JSON.parse(d.toString())));
        sockets.push(ws);
        return ws;
      },
    });
    const events: RealtimeEvent[] = [];
    const subscribed = () => seen.filter((m) => m.type === "subscribed").length;
    try {
      const stops = videos.map((v) => client.subscribe(`video:${v}`, (e) => events.push(e)));
      await waitFor(() => subscribed() === 40);
      // Screens come and go: a few leave and come back.
      for (const stop of stops.slice(0, 10)) stop();
      for (const v of videos.slice(0, 10)) client.subscribe(`video:${v}`, (e) => events.push(e));
      await waitFor(() => subscribed() === 50);
      // A new token (sign-in) reconnects, and the new socket joins all 40 again at once.
      client.restart();
      await waitFor(() => subscribed() === 90);
      expect(seen.filter((m) => m.type === "error")).toEqual([]);
      expect(sockets.at(-1)?.readyState).toBe(WebSocket.OPEN);
      await s.ctx.db.query("update public.videos set title = 'Renamed live' where id = $1", [videos[39]]);
      await waitFor(() => events.some((e) => e.event === "video.updated" && e.data.title === "Renamed live"));
    } finally {
      client.close();
    }
  });
});
