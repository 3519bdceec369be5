// Realtime over a real WebSocket: channel rules, events produced by the database, two instances.
import { RealtimeEventMessage } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { NOTES } from "./fixtures/notes.js";
import { connect, type Msg } from "./support/realtime-client.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ realtime: { heartbeatMs: 300, maxBufferedBytes: 1_000_000 } });
});
afterAll(() => s.stop());

async function insertVideo(by: string, status = "PUBLIC") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    "insert into public.videos (title, subject, difficulty, topic, created_by, status) values ('RT', 'MATH', 'BEGINNER', 'RT', $1, $2) returning id",
    [by, status],
  );
  return row.id;
}

describe("channels", () => {
  it("anonymous sockets may join public video channels only", async () => {
    const owner = await makeUser(s);
    const pub = await insertVideo(owner.id);
    const priv = await insertVideo(owner.id, "PRIVATE");
    const c = await connect(s);
    expect((await c.subscribe(`video:${pub}`)).type).toBe("subscribed");
    expect(await c.subscribe(`video:${priv}`)).toMatchObject({ type: "error", code: "not_found" });
    expect(await c.subscribe(`user:${owner.id}`)).toMatchObject({ type: "error", code: "unauthorized" });
    expect(await c.subscribe("everything")).toMatchObject({ type: "error", code: "invalid_channel" });
    c.ws.close();
  });

  it("user:<id> is private to that user; a PRIVATE video's channel is its creator's only", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const priv = await insertVideo(a.id, "PRIVATE");
    const ca = await connect(s, a.token);
    const cb = await connect(s, b.token);
    expect((await ca.subscribe(`user:${a.id}`)).type).toBe("subscribed");
    expect(await cb.subscribe(`user:${a.id}`)).toMatchObject({ type: "error", code: "forbidden" });
    expect((await ca.subscribe(`video:${priv}`)).type).toBe("subscribed");
    expect(await cb.subscribe(`video:${priv}`)).toMatchObject({ type: "error", code: "not_found" });
    ca.ws.close();
    cb.ws.close();
  });

  it("refuses a bad token at the handshake and malformed messages with an error", async () => {
    await expect(connect(s, "not-a-token")).rejects.toThrow(/401/);
    const c = await connect(s);
    c.ws.send("{nope");
    expect(await waitFor(() => c.messages.find((m) => m.type === "error"))).toMatchObject({ code: "invalid_message" });
    c.ws.close();
  });

  it("caps subscriptions per socket", async () => {
    const owner = await makeUser(s);
    const c = await connect(s);
    let last: Msg | undefined;
    for (let i = 0; i < 51; i++) last = await c.subscribe(`video:${await insertVideo(owner.id)}`);
    expect(last).toMatchObject({ type: "error", code: "too_many_subscriptions" });
    c.ws.close();
  });
});

describe("events from the database", () => {
  it("comment, rating and notification events reach their subscribers within a second of the commit", async () => {
    const owner = await makeUser(s);
    const fan = await makeUser(s);
    const video = await insertVideo(owner.id);
    const watcher = await connect(s);
    await watcher.subscribe(`video:${video}`);
    const own = await connect(s, fan.token);
    await own.subscribe(`user:${fan.id}`);

    const t0 = Date.now();
    await s.ctx.db.query(
      "insert into public.comments (video_id, user_id, text, moderation_status) values ($1, $2, 'Great lesson!', 'APPROVED')",
      [video, fan.id],
    );
    const created = await watcher.event("comment.created");
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(created.data).toMatchObject({ videoId: video, text: "Great lesson!", user: { id: fan.id } });
    expect(created.data).not.toHaveProperty("user.email");

    await s.ctx.db.query("update public.comments set is_hidden = true where video_id = $1", [video]);
    const hidden = await watcher.event("comment.updated", (d) => d.isHidden === true);
    expect(hidden.data).not.toHaveProperty("text");

    await s.ctx.db.query("insert into public.ratings (video_id, user_id, stars) values ($1, $2, 5)", [video, fan.id]);
    expect((await watcher.event("rating.updated")).data).toMatchObject({
      videoId: video,
      ratingAvg: 5,
      ratingCount: 1,
    });

    await s.ctx.db.query(
      "insert into public.notifications (user_id, kind, title) values ($1, 'test', 'Exam tomorrow')",
      [fan.id],
    );
    expect((await own.event("notification.created")).data).toMatchObject({ title: "Exam tomorrow" });
    // Every event sent is what core's schema for it describes (what the clients parse with).
    const events = [...watcher.messages, ...own.messages].filter((m) => m.type === "event");
    expect(events.length).toBeGreaterThanOrEqual(4);
    for (const e of events) expect(RealtimeEventMessage.safeParse(e).success, JSON.stringify(e)).toBe(true);
    watcher.ws.close();
    own.ws.close();
  });

  it("an event off its schema is dropped before it reaches anyone; the next valid one still arrives", async () => {
    const owner = await makeUser(s);
    const video = await insertVideo(owner.id);
    const watcher = await connect(s);
    await watcher.subscribe(`video:${video}`);
    const notify = (data: Record<string, unknown>) =>
      s.ctx.db.query("select pg_notify('lm_events', $1)", [
        JSON.stringify({ channel: `video:${video}`, event: "video.updated", data }),
      ]);
    const summary = {
      id: video,
      status: "PUBLIC",
      title: "Valid",
      failureCode: null,
      failureReason: null,
      thumbnailUrl: null,
      createdBy: owner.id,
    };
    // The creator as a whole user where the contract has an id: what once broke the phone's cache.
    await notify({ ...summary, title: "Off schema", createdBy: { id: owner.id } });
    await notify({ ...summary, failureCode: "a_code_no_client_knows" });
    await notify(summary);
    const valid = await watcher.event("video.updated", (d) => d.title === "Valid");
    expect(valid.data).toEqual(summary);
    const updates = watcher.messages.filter((m) => m.event === "video.updated" && m.data?.id === video);
    expect(updates.map((m) => m.data?.title).filter((t) => t !== "RT")).toEqual(["Valid"]);
    watcher.ws.close();
  });

  it("generation progress is pushed as video.updated on user:<id>: PENDING → GENERATING → PUBLIC", async () => {
    const u = await makeUser(s);
    const c = await connect(s, u.token);
    await c.subscribe(`user:${u.id}`);
    const res = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    await c.event("video.updated", (d) => d.id === res.body.id && d.status === "PUBLIC", 30_000);
    const statuses = c.messages
      .filter((m) => m.event === "video.updated" && m.data?.id === res.body.id)
      .map((m) => m.data?.status);
    expect(statuses[0]).toBe("PENDING");
    expect(statuses).toContain("GENERATING");
    c.ws.close();
  });

  it("a video turned PRIVATE drops everyone but its creator from its channel", async () => {
    const owner = await makeUser(s);
    const video = await insertVideo(owner.id);
    const stranger = await connect(s);
    await stranger.subscribe(`video:${video}`);
    await s.ctx.db.query("update public.videos set status = 'PRIVATE' where id = $1", [video]);
    expect(
      await waitFor(() => stranger.messages.find((m) => m.type === "error" && m.channel === `video:${video}`)),
    ).toMatchObject({ code: "not_found" });
    expect(stranger.messages.find((m) => m.type === "event" && m.data?.status === "PRIVATE")).toBeUndefined();
    stranger.ws.close();
  });

  it("closes a socket once its session ends (logout)", async () => {
    const u = await makeUser(s);
    const c = await connect(s, u.token);
    await c.subscribe(`user:${u.id}`);
    await s.api("POST", "/auth/logout", { token: u.token, body: {} });
    expect(await c.closed).toBe(4401);
  });
});

// Two processes can only share a database on the PostgreSQL server (PGlite is in-process), so this
// runs in the PostgreSQL pass of .ci/run and is skipped in the PGlite pass.
describe.runIf(process.env.DATABASE_URL)("two API instances on one PostgreSQL", () => {
  it("a write through instance A reaches a subscriber on instance B", async () => {
    const b = await startTestServer({ databaseUrl: s.ctx.config.databaseUrl });
    try {
      const owner = await makeUser(s);
      const video = await insertVideo(owner.id);
      const onB = await connect(b);
      await onB.subscribe(`video:${video}`);
      const t0 = Date.now();
      await s.api("PATCH", `/videos/${video}`, { token: owner.token, body: { title: "Renamed through A" } });
      const e = await onB.event("video.updated", (d) => d.title === "Renamed through A");
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(e.channel).toBe(`video:${video}`);
      onB.ws.close();
    } finally {
      await b.stop();
    }
  });
});
