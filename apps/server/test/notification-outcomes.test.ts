// Issue 15 item 3: a creator hears when a lesson is ready or could not be made, a held comment's
// author when a moderator decided on it, and each kind can be switched off in Settings (the
// preferences' `notifications`): a kind switched off is never written to the inbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type Note = { kind: string; title: string; body: string; data: Record<string, unknown> };
const inbox = async (token: string): Promise<Note[]> =>
  (await s.api("GET", "/notifications?limit=50", { token })).body.items;
const settled = (id: string, token: string) =>
  waitFor(async () => {
    const r = await s.api("GET", `/videos/${id}`, { token });
    return ["PUBLIC", "PRIVATE", "FAILED", "REJECTED"].includes(r.body.status) ? r.body : null;
  }, 30_000);
const switchOff = async (u: { id: string; token: string }, kinds: Record<string, boolean>) => {
  const res = await s.api("PATCH", `/users/${u.id}`, {
    token: u.token,
    body: { preferences: { notifications: kinds } },
  });
  expect(res.status).toBe(200);
};
const lesson = (token: string, body: Record<string, unknown>) =>
  s.api("POST", "/videos", { token, body: { subject: "BIOLOGY", difficulty: "BEGINNER", ...body } });
async function publicVideo(ownerId: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Atoms', 'CHEMISTRY', 'BEGINNER', 'Atoms', $1, 'PUBLIC') returning id`,
    [ownerId],
  );
  return row.id;
}

describe("lesson outcomes", () => {
  it("the creator hears that the lesson is ready, once, linked to it", async () => {
    const u = await makeUser(s);
    const v = await settled((await lesson(u.token, { topic: "Photosynthesis", sourceText: NOTES })).body.id, u.token);
    expect(v.status).toBe("PUBLIC");
    const ready = (await inbox(u.token)).filter((n) => n.kind === "lesson.ready");
    expect(ready).toEqual([expect.objectContaining({ title: `“${v.title}” is ready`, data: { videoId: v.id } })]);
  });

  it("the creator hears that a lesson could not be made, with the reason", async () => {
    const u = await makeUser(s);
    const v = await settled((await lesson(u.token, { topic: "The French Revolution" })).body.id, u.token);
    expect(v.status).toBe("FAILED");
    const failed = (await inbox(u.token)).filter((n) => n.kind === "lesson.failed");
    expect(failed).toEqual([
      expect.objectContaining({ title: `“${v.title}” could not be made`, body: v.failureReason }),
    ]);
  });

  it("with lessons switched off, neither is written", async () => {
    const u = await makeUser(s);
    await switchOff(u, { lessons: false });
    await settled((await lesson(u.token, { topic: "Photosynthesis", sourceText: NOTES })).body.id, u.token);
    await settled((await lesson(u.token, { topic: "The Cold War" })).body.id, u.token);
    expect(await inbox(u.token)).toEqual([]);
  });
});

describe("moderation decisions", () => {
  it("a held comment's author hears it was published or removed; a visible comment kept is no news", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await publicVideo(owner.id);
    const post = async (text: string) =>
      (await s.api("POST", "/comments", { token: author.token, body: { videoId: video, text } })).body;
    const decide = (id: string, decision: string) =>
      s.api("POST", `/moderation/comments/${id}`, { token: mod.token, body: { decision } });

    const held = await post("this is sh1t");
    expect(held).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect((await decide(held.id, "APPROVE")).status).toBe(200);
    const heldToo = await post("what a load of sh1t");
    expect((await decide(heldToo.id, "REJECT")).status).toBe(200);
    const visible = await post("Lovely lesson");
    expect((await decide(visible.id, "APPROVE")).status).toBe(200);

    const decided = (await inbox(author.token)).filter((n) => n.kind.startsWith("comment."));
    expect(decided.map((n) => [n.kind, n.title, n.data.commentId])).toEqual([
      ["comment.rejected", "Your comment was removed", heldToo.id],
      ["comment.approved", "Your comment is published", held.id],
    ]);
    expect(decided[0].body).toContain("what a load of sh1t");
  });

  it("with moderation switched off, the author is not told", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    await switchOff(author, { moderation: false });
    const video = await publicVideo(owner.id);
    const held = (
      await s.api("POST", "/comments", { token: author.token, body: { videoId: video, text: "this is sh1t" } })
    ).body;
    await s.api("POST", `/moderation/comments/${held.id}`, { token: mod.token, body: { decision: "REJECT" } });
    expect(await inbox(author.token)).toEqual([]);
  });
});

describe("social activity switches", () => {
  it("a creator with comments and ratings off hears of neither; with them on, of both", async () => {
    const quiet = await makeUser(s);
    const loud = await makeUser(s);
    const fan = await makeUser(s);
    await switchOff(quiet, { comments: false, ratings: false });
    for (const owner of [quiet, loud]) {
      const video = await publicVideo(owner.id);
      expect((await s.api("POST", "/ratings", { token: fan.token, body: { videoId: video, stars: 5 } })).status).toBe(
        200,
      );
      expect(
        (await s.api("POST", "/comments", { token: fan.token, body: { videoId: video, text: "Great, thanks!" } }))
          .status,
      ).toBe(201);
    }
    expect(await inbox(quiet.token)).toEqual([]);
    expect((await inbox(loud.token)).map((n) => n.kind).sort()).toEqual(["video.comments", "video.ratings"]);
  });

  it("refuses an unknown kind (400 naming the field)", async () => {
    const u = await makeUser(s);
    const res = await s.api("PATCH", `/users/${u.id}`, {
      token: u.token,
      body: { preferences: { notifications: { everything: false } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toMatch(/^preferences\.notifications/);
  });
});
