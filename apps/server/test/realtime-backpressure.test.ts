// A subscriber that stops reading (a stalled phone, a frozen tab) must not make the server buffer
// events for it without limit: once it is more than `maxBufferedBytes` behind it is dropped, and
// everyone else on the channel keeps receiving every event.
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

const EVENTS = 5_000;
const PAD = "x".repeat(4_000); // ~20 MB in all: more than the kernel's socket buffers can absorb

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ realtime: { heartbeatMs: 60_000, maxBufferedBytes: 1_000_000 } });
});
afterAll(() => s.stop());

async function subscriber(channel: string) {
  const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime`);
  let events = 0;
  let subscribed = false;
  ws.on("message", (raw) => {
    const m = JSON.parse(raw.toString());
    if (m.type === "subscribed") subscribed = true;
    // Only the flood counts: the lesson's own insert may announce itself late (PostgreSQL delivers
    // its NOTIFY on another connection), after this socket subscribed.
    if (m.type === "event" && m.data?.title?.startsWith("flood ")) events++;
  });
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ type: "subscribe", channel }));
  await waitFor(() => subscribed);
  return { ws, closed, events: () => events };
}

describe("realtime back-pressure", () => {
  it("drops a subscriber that stopped reading and keeps delivering to the others", async () => {
    const owner = await makeUser(s);
    const [video] = await s.ctx.db.query<{ id: string }>(
      `insert into public.videos (title, subject, difficulty, topic, created_by, status)
       values ('Busy lesson', 'MATH', 'BEGINNER', 'Busy', $1, 'PUBLIC') returning id`,
      [owner.id],
    );
    const channel = `video:${video.id}`;
    const healthy = await subscriber(channel);
    const stalled = await subscriber(channel);
    try {
      // Stop reading at the TCP level: the server's writes back up into its own buffer.
      (stalled.ws as unknown as { _socket: Socket })._socket.pause();

      const payload = (n: string) =>
        `json_build_object('channel', '${channel}', 'event', 'video.updated', 'data',
         json_build_object('id', '${video.id}', 'status', 'PUBLIC', 'title', 'flood ' || ${n} || '${PAD}',
           'failureCode', null, 'failureReason', null, 'thumbnailUrl', null, 'createdBy', '${owner.id}'))::text`;
      // (A whole summary, as core's VideoUpdatedEvent has it: the hub drops events off their schema.)
      // The events enter exactly as the triggers send them (pg_notify on lm_events), 100 (400 KB) at
      // a time, each batch read by the healthy client before the next: this test's clients share the
      // server's process, so an unpaced flood would also stall the healthy one's reads.
      for (let from = 1; from <= EVENTS; from += 100) {
        await s.ctx.db.query(
          `select pg_notify('lm_events', ${payload("g")}) from generate_series(${from}, ${from + 99}) g`,
        );
        await waitFor(() => healthy.events() >= from + 99, 10_000);
      }
      expect(healthy.events()).toBe(EVENTS);
      expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
      // Reading again, the stalled client finds its connection cut (1006: no close handshake) and
      // only part of the stream delivered.
      (stalled.ws as unknown as { _socket: Socket })._socket.resume();
      const stillOpen = new Promise((r) => setTimeout(() => r("still open"), 10_000));
      expect(await Promise.race([stalled.closed, stillOpen])).toBe(1006);
      expect(stalled.events()).toBeLessThan(EVENTS);
    } finally {
      healthy.ws.terminate();
      stalled.ws.terminate();
    }
  }, 90_000);
});
