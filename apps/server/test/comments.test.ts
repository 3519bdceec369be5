// Comments table of the contract: posting under moderation, listing with a keyset cursor,
// editing, deleting, and the counter that counts visible comments only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type Res, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

async function makeVideo(ownerId: string, status: "PUBLIC" | "PRIVATE" = "PUBLIC") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Photosynthesis', 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $1, $2) returning id`,
    [ownerId, status],
  );
  return row.id;
}

const commentCount = async (videoId: string) =>
  (await s.ctx.db.query<{ n: number }>("select comment_count as n from public.videos where id = $1", [videoId]))[0].n;

async function post(token: string, videoId: string, text: string) {
  return s.api("POST", "/comments", { token, body: { videoId, text } });
}

describe("posting comments", () => {
  it("a clean comment is stored visible, counted, and listed for everyone with no moderation reason", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s, { name: "Ada" });
    const video = await makeVideo(owner.id);
    const res = await post(a.token, video, "  Great explanation of the Calvin cycle!  ");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      videoId: video,
      text: "Great explanation of the Calvin cycle!",
      isHidden: false,
      moderationStatus: "APPROVED",
      moderationReason: null,
      user: { id: a.id, displayName: "Ada" },
    });
    expect(Object.keys(res.body.user).sort()).toEqual(["avatarColor", "createdAt", "displayName", "id", "subjects"]);
    expect(await commentCount(video)).toBe(1);
    const list = await s.api("GET", `/comments?videoId=${video}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    expect(list.body.nextCursor).toBeNull();
  });

  it("needs a token, a verified e-mail and a valid body", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    expect((await s.api("POST", "/comments", { body: { videoId: video, text: "hi" } })).status).toBe(401);
    const unverified = await makeUser(s, { verified: false });
    const res = await post(unverified.token, video, "hi");
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("email_not_verified");
    const a = await makeUser(s);
    expect((await post(a.token, video, "   ")).status).toBe(400);
    expect((await post(a.token, video, "x".repeat(2001))).status).toBe(400);
    const extra = await s.api("POST", "/comments", {
      token: a.token,
      body: { videoId: video, text: "hi", isHidden: false, moderationStatus: "APPROVED" },
    });
    expect(extra.status).toBe(400);
    expect((await post(a.token, "00000000-0000-4000-8000-000000000000", "hi")).status).toBe(404);
  });

  it.each([
    ["obfuscated profanity", "f u c k this lesson"],
    ["a threat of self-harm", "kill yourself"],
    ["a threat of violence", "I will kill you"],
  ])("%s is stored hidden and REJECTED, with a reason only its author sees", async (_, text) => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const other = await makeUser(s);
    const video = await makeVideo(owner.id);
    const res = await post(author.token, video, text);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isHidden: true, moderationStatus: "REJECTED" });
    expect(res.body.moderationReason).toMatch(/rejected/);
    expect(await commentCount(video)).toBe(0);
    const own = await s.api("GET", `/comments?videoId=${video}`, { token: author.token });
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0].moderationReason).toBe(res.body.moderationReason);
    for (const token of [other.token, owner.token, undefined]) {
      expect((await s.api("GET", `/comments?videoId=${video}`, { token })).body.items).toEqual([]);
    }
  });

  it("mild obfuscated rudeness is FLAGGED: hidden pending review and queued for the model's second opinion", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const video = await makeVideo(owner.id);
    const res = await post(author.token, video, "this lesson is sh1t");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect(res.body.moderationReason).toMatch(/review/);
    expect(await commentCount(video)).toBe(0);
    const jobs = await s.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = 'moderate-comment' and data->>'commentId' = $1",
      [res.body.id],
    );
    expect(jobs[0].n).toBe(1);
  });

  it("an edit the lexical pass FLAGS is hidden and queued for the second opinion too", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "Nice video")).body;
    const edited = await s.api("PATCH", `/comments/${c.id}`, {
      token: author.token,
      body: { text: "this lesson is sh1t" },
    });
    expect(edited.body).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    const jobs = await s.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = 'moderate-comment' and data->>'commentId' = $1",
      [c.id],
    );
    expect(jobs[0].n).toBe(1);
  });

  it.each([
    "Scunthorpe is where my teacher grew up",
    "The assassin of Franz Ferdinand started a war",
    "A cocktail of enzymes breaks the starch down",
  ])("a false positive stays visible: %s", async (text) => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    const res = await post(a.token, video, text);
    expect(res.body).toMatchObject({ isHidden: false, moderationStatus: "APPROVED" });
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toHaveLength(1);
  });
});

describe("listing comments", () => {
  it("pages newest first with a stable cursor, with no duplicates or gaps while comments arrive", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(a.token, video, `comment ${i}`)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const q: string = `/comments?videoId=${video}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await s.api("GET", q);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
      // Newer comments land before the cursor and must not disturb the pages still to come.
      if (page++ === 0) await post(a.token, video, "a late arrival");
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it("rows created in the same transaction (same timestamp) are neither skipped nor repeated", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    await s.ctx.db.query(
      `insert into public.comments (video_id, user_id, text, moderation_status)
       select $1, $2, 'same instant ' || g, 'APPROVED' from generate_series(1, 7) g`,
      [video, a.id],
    );
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res: Res = await s.api("GET", `/comments?videoId=${video}&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      for (const c of res.body.items) seen.add(c.id);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(7);
  });

  it("answers 400 for a malformed cursor or limit and 404 for an unknown video", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    for (const q of ["cursor=not-a-cursor", "cursor=WzEsMl0", "limit=0", "limit=101", "limit=abc"]) {
      const res = await s.api("GET", `/comments?videoId=${video}&${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await s.api("GET", "/comments")).status).toBe(400);
    expect((await s.api("GET", "/comments?videoId=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("editing and deleting", () => {
  it("the author edits and the text is moderated again; commentCount follows visibility", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    const c = (await post(a.token, video, "Nice video")).body;
    const edited = await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "Nice video, thanks" } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: "Nice video, thanks", isHidden: false, moderationStatus: "APPROVED" });
    const bad = await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "what the fuck" } });
    expect(bad.body).toMatchObject({ isHidden: true, moderationStatus: "REJECTED" });
    expect(await commentCount(video)).toBe(0);
    const fixed = await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "Sorry, great video" } });
    expect(fixed.body).toMatchObject({ isHidden: false, moderationStatus: "APPROVED", moderationReason: null });
    expect(await commentCount(video)).toBe(1);
    const unknownField = await s.api("PATCH", `/comments/${c.id}`, {
      token: a.token,
      body: { text: "x", isHidden: false },
    });
    expect(unknownField.status).toBe(400);
  });

  it("the author, the video's creator and moderators delete; others get 403", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const stranger = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(owner.id);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await post(a.token, video, `point ${i}`)).body.id);
    expect(await commentCount(video)).toBe(3);
    expect((await s.api("DELETE", `/comments/${ids[0]}`, { token: stranger.token })).status).toBe(403);
    expect((await s.api("DELETE", `/comments/${ids[0]}`)).status).toBe(401);
    expect((await s.api("DELETE", `/comments/${ids[0]}`, { token: a.token })).status).toBe(204);
    expect((await s.api("DELETE", `/comments/${ids[1]}`, { token: owner.token })).status).toBe(204);
    expect((await s.api("DELETE", `/comments/${ids[2]}`, { token: mod.token })).status).toBe(204);
    expect((await s.api("DELETE", `/comments/${ids[2]}`, { token: mod.token })).status).toBe(404);
    expect(await commentCount(video)).toBe(0);
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toEqual([]);
  });

  it("deleting a hidden comment leaves commentCount alone", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    await post(a.token, video, "visible one");
    const hidden = (await post(a.token, video, "kill yourself")).body;
    expect(await commentCount(video)).toBe(1);
    expect((await s.api("DELETE", `/comments/${hidden.id}`, { token: a.token })).status).toBe(204);
    expect(await commentCount(video)).toBe(1);
  });
});
