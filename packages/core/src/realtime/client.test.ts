// Unit: the shared realtime client (subscriptions, dispatch, reconnect with backoff) over a fake
// socket the test opens, drops and talks through.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseRealtimeEvent } from "../schemas/realtime.js";
import { RealtimeClient, type RealtimeEvent, type RealtimeOptions, realtimeUrl } from "./client.js";
import { FakeRealtimeSocket as FakeSocket } from "./fake-socket.js";

let sockets: FakeSocket[] = [];
const last = () => sockets[sockets.length - 1];
function client(over: Partial<RealtimeOptions> = {}) {
  return new RealtimeClient({
    apiBaseUrl: "https://lm.example/api/v1",
    token: () => "tok",
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    parseEvent: parseRealtimeEvent,
    ...over,
  });
}
const ID = "00000000-0000-4000-8000-000000000001";
const NOW = "2026-11-26T09:00:00.000Z";
// Data each event's schema accepts (packages/core/src/schemas/realtime.ts).
const DATA: Record<RealtimeEvent["event"], unknown> = {
  "comment.created": { id: ID, videoId: ID, isHidden: true },
  "comment.updated": { id: ID, videoId: ID, isHidden: true },
  "comment.deleted": { id: ID, videoId: ID, userId: ID, isHidden: false, moderationStatus: "APPROVED" },
  "rating.updated": { videoId: ID, ratingAvg: 4.5, ratingCount: 2 },
  "video.updated": {
    id: ID,
    status: "PUBLIC",
    title: "Cells",
    failureCode: null,
    failureReason: null,
    thumbnailUrl: null,
    createdBy: ID,
  },
  "notification.created": {
    id: ID,
    kind: "reminder",
    title: "Study",
    body: "",
    data: {},
    readAt: null,
    createdAt: NOW,
  },
  "cards.counts": { due: 3, overdue: 1, new: 2, total: 9 },
};
const event = (channel: string, name: RealtimeEvent["event"] = "comment.created", data = DATA[name]) => ({
  type: "event",
  channel,
  event: name,
  data,
});

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("realtime client", () => {
  it("builds the socket URL from the API base URL and carries the token", () => {
    expect(realtimeUrl("https://lm.example/api/v1", "tok")).toBe("wss://lm.example/api/v1/realtime?access_token=tok");
    expect(realtimeUrl("http://localhost:3000/api/v1/", undefined)).toBe("ws://localhost:3000/api/v1/realtime");
    client().subscribe("video:1", () => undefined);
    expect(last().url).toBe("wss://lm.example/api/v1/realtime?access_token=tok");
  });

  it("subscribes to a channel once however many listeners it has, and reports when it is live", () => {
    const rt = client();
    const status: boolean[] = [];
    rt.onStatus((live) => status.push(live));
    rt.subscribe("video:1", () => undefined);
    rt.subscribe("video:1", () => undefined);
    expect(sockets).toHaveLength(1);
    last().open();
    expect(last().sent).toEqual([{ type: "subscribe", channel: "video:1" }]);
    rt.subscribe("video:1", () => undefined);
    rt.subscribe("user:me", () => undefined);
    expect(last().sent).toEqual([
      { type: "subscribe", channel: "video:1" },
      { type: "subscribe", channel: "user:me" },
    ]);
    expect(rt.isLive()).toBe(true);
    expect(status).toEqual([true]);
  });

  it("unsubscribes only when the channel's last listener leaves", () => {
    const rt = client();
    const offA = rt.subscribe("video:1", () => undefined);
    const offB = rt.subscribe("video:1", () => undefined);
    last().open();
    offA();
    offA(); // a second call must not count as another listener leaving
    expect(last().sent).not.toContainEqual({ type: "unsubscribe", channel: "video:1" });
    offB();
    expect(last().sent).toContainEqual({ type: "unsubscribe", channel: "video:1" });
    expect(last().readyState).toBe(1); // kept for the next screen unless closeWhenIdle
  });

  it("with closeWhenIdle, the last listener leaving closes the socket and stops reconnecting", () => {
    const rt = client({ closeWhenIdle: true });
    const off = rt.subscribe("video:1", () => undefined);
    last().open();
    off();
    expect(last().readyState).toBe(3);
    expect(rt.isLive()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("gives each listener only its own channel's events and ignores malformed messages", () => {
    const rt = client();
    const video: string[] = [];
    const user: string[] = [];
    rt.subscribe("video:1", (e) => video.push(`${e.channel} ${e.event}`));
    rt.subscribe("user:me", (e) => user.push(`${e.channel} ${e.event}`));
    last().open();
    last().receive(event("video:1"));
    last().receive(event("user:me", "notification.created"));
    last().receive(event("video:2", "rating.updated"));
    for (const junk of ["not json", "null", "42", "[]", '{"channel":"video:1"}', { type: "pong" }]) {
      expect(() => last().receive(junk)).not.toThrow();
    }
    expect(video).toEqual(["video:1 comment.created"]);
    expect(user).toEqual(["user:me notification.created"]);
  });

  it("drops an event whose data is off its schema, and one this build does not know", () => {
    const rt = client();
    const seen: RealtimeEvent[] = [];
    rt.subscribe("video:1", (e) => seen.push(e));
    last().open();
    // A summary whose creator is a whole user, not an id: exactly the shape a cache must not take in.
    last().receive(event("video:1", "video.updated", { ...(DATA["video.updated"] as object), createdBy: { id: ID } }));
    last().receive({ type: "event", channel: "video:1", event: "video.exploded", data: {} });
    last().receive(event("video:1", "rating.updated", { videoId: ID, ratingAvg: "4.5", ratingCount: 2 }));
    expect(seen).toEqual([]);
    last().receive(event("video:1", "video.updated"));
    expect(seen).toHaveLength(1);
    const [e] = seen;
    // Narrowing on the name types the data: no cast.
    if (e.event === "video.updated") expect(e.data.createdBy).toBe(ID);
  });

  it("without a parser handed in, loads core's on the first event and delivers what waited, in order", async () => {
    vi.useRealTimers();
    const rt = client({ parseEvent: undefined });
    const seen: string[] = [];
    rt.subscribe("video:1", (e) => seen.push(e.event));
    last().open();
    last().receive(event("video:1", "comment.created"));
    last().receive(event("video:1", "video.updated", { bad: true }));
    last().receive(event("video:1", "rating.updated"));
    await vi.waitFor(() => expect(seen).toEqual(["comment.created", "rating.updated"]));
    last().receive(event("video:1", "comment.deleted"));
    expect(seen).toEqual(["comment.created", "rating.updated", "comment.deleted"]);
  });

  it("after a drop, reconnects and subscribes to every channel again", () => {
    const rt = client();
    rt.subscribe("video:1", () => undefined);
    rt.subscribe("user:me", () => undefined);
    last().open();
    last().drop();
    expect(rt.isLive()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([
      { type: "subscribe", channel: "video:1" },
      { type: "subscribe", channel: "user:me" },
    ]);
    expect(rt.isLive()).toBe(true);
  });

  it("asks the app to resync after a reconnect and when the server says events were missed, not on a fresh start", () => {
    const rt = client();
    let resyncs = 0;
    rt.onResync(() => resyncs++);
    rt.subscribe("video:1", () => undefined);
    last().open();
    expect(resyncs).toBe(0);
    last().receive({ type: "resync" });
    expect(resyncs).toBe(1);
    last().drop();
    vi.advanceTimersByTime(1000);
    last().open();
    expect(resyncs).toBe(2);
    rt.restart(); // a new identity starts over: its screens load afresh anyway
    last().open();
    expect(resyncs).toBe(2);
  });

  it("waits twice as long after each failed attempt, up to 30 s, and starts over once connected", () => {
    const rt = client();
    rt.subscribe("video:1", () => undefined);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      last().drop();
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(500);
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    last().open();
    last().drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(8);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(9);
    rt.close();
  });

  it("retries with backoff when the socket cannot even be created", () => {
    let fail = true;
    const rt = client({
      createSocket: (url) => {
        if (fail) throw new Error("offline");
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
    });
    rt.subscribe("video:1", () => undefined);
    fail = false;
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(1);
  });

  it("pings every 25 s while open, and stops once closed", () => {
    const rt = client();
    rt.subscribe("video:1", () => undefined);
    last().open();
    vi.advanceTimersByTime(50_000);
    expect(last().sent.filter((m) => (m as { type: string }).type === "ping")).toHaveLength(2);
    rt.close();
    vi.advanceTimersByTime(50_000);
    expect(last().sent.filter((m) => (m as { type: string }).type === "ping")).toHaveLength(2);
  });

  it("restart reconnects at once with the current token, without the old socket reconnecting too", () => {
    let token = "old";
    const rt = client({ token: () => token });
    rt.subscribe("user:me", () => undefined);
    last().open();
    token = "new";
    rt.restart();
    expect(sockets).toHaveLength(2);
    expect(sockets[0].readyState).toBe(3);
    expect(last().url).toContain("access_token=new");
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it("stays offline when the platform has no WebSocket", () => {
    const createSocket = vi.fn(() => null);
    const rt = client({ createSocket });
    rt.subscribe("video:1", () => undefined);
    vi.advanceTimersByTime(60_000);
    expect(createSocket).toHaveBeenCalledTimes(1); // no retry loop
    expect(rt.isLive()).toBe(false);
  });
});
