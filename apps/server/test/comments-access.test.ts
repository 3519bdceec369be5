// Who may do what to a comment: the BOLA matrix (private videos, other people's comments) and
// reports, where three distinct reporters hide a comment pending review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

async function makeVideo(ownerId: string, status: "PUBLIC" | "PRIVATE" = "PUBLIC") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Vectors', 'MATH', 'BEGINNER', 'Vectors', $1, $2) returning id`,
    [ownerId, status],
  );
  return row.id;
}
const commentCount = async (videoId: string) =>
  (await s.ctx.db.query<{ n: number }>("select comment_count as n from public.videos where id = $1", [videoId]))[0].n;
const post = (token: string, videoId: string, text: string) =>
  s.api("POST", "/comments", { token, body: { videoId, text } });

describe("BOLA: comments on B's private video", () => {
  it("A and anonymous callers get 404 for listing, posting, editing, deleting and reporting", async () => {
    const b = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(b.id, "PRIVATE");
    const own = await post(b.token, video, "note to self");
    expect(own.status).toBe(201);
    expect((await s.api("GET", `/comments?videoId=${video}`, { token: b.token })).body.items).toHaveLength(1);
    for (const token of [a.token, undefined]) {
      expect((await s.api("GET", `/comments?videoId=${video}`, { token })).status).toBe(404);
    }
    expect((await post(a.token, video, "let me in")).status).toBe(404);
    const id = own.body.id;
    expect((await s.api("PATCH", `/comments/${id}`, { token: a.token, body: { text: "mine now" } })).status).toBe(404);
    expect((await s.api("DELETE", `/comments/${id}`, { token: a.token })).status).toBe(404);
    expect((await s.api("POST", `/comments/${id}/report`, { token: a.token, body: {} })).status).toBe(404);
  });

  it("a comment left while a video was public disappears for others when it turns private", async () => {
    const b = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(b.id);
    const c = (await post(a.token, video, "first!")).body;
    await s.ctx.db.query("update public.videos set status = 'PRIVATE' where id = $1", [video]);
    expect((await s.api("GET", `/comments?videoId=${video}`, { token: a.token })).status).toBe(404);
    expect((await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "edit" } })).status).toBe(404);
  });
});

describe("BOLA: B's comment on a public video", () => {
  it("A cannot edit it (403) nor delete it (403); a moderator cannot edit it either", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const b = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(owner.id);
    const c = (await post(b.token, video, "B's thoughts")).body;
    const edit = await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "A's thoughts" } });
    expect(edit.status).toBe(403);
    expect((await s.api("PATCH", `/comments/${c.id}`, { token: mod.token, body: { text: "x" } })).status).toBe(403);
    expect((await s.api("PATCH", `/comments/${c.id}`, { body: { text: "x" } })).status).toBe(401);
    expect((await s.api("DELETE", `/comments/${c.id}`, { token: a.token })).status).toBe(403);
    const list = await s.api("GET", `/comments?videoId=${video}`);
    expect(list.body.items[0].text).toBe("B's thoughts");
  });

  it("B's hidden comment does not exist for A: 404 on edit, delete and report", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const b = await makeUser(s);
    const video = await makeVideo(owner.id);
    const c = (await post(b.token, video, "kill yourself")).body;
    expect(c.isHidden).toBe(true);
    expect((await s.api("PATCH", `/comments/${c.id}`, { token: a.token, body: { text: "x" } })).status).toBe(404);
    expect((await s.api("DELETE", `/comments/${c.id}`, { token: a.token })).status).toBe(404);
    expect((await s.api("POST", `/comments/${c.id}/report`, { token: a.token, body: {} })).status).toBe(404);
    // Not even the video's creator sees it: rejected text is never shown to others.
    expect((await s.api("DELETE", `/comments/${c.id}`, { token: owner.token })).status).toBe(404);
  });
});

describe("reports", () => {
  it("three distinct reporters hide a comment as FLAGGED pending review; repeats do not count", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const [r1, r2, r3] = await Promise.all([makeUser(s), makeUser(s), makeUser(s)]);
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "Actually the derivative of x^2 is x")).body;
    expect(await commentCount(video)).toBe(1);
    const report = (token: string) => s.api("POST", `/comments/${c.id}/report`, { token, body: { reason: "wrong" } });
    expect((await report(r1.token)).status).toBe(202);
    expect((await report(r1.token)).status).toBe(202);
    expect((await report(r2.token)).status).toBe(202);
    expect((await report(r2.token)).status).toBe(202);
    // Two distinct reporters, four requests: still visible.
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toHaveLength(1);
    expect((await report(r3.token)).status).toBe(202);
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toEqual([]);
    expect(await commentCount(video)).toBe(0);
    const seenByAuthor = (await s.api("GET", `/comments?videoId=${video}`, { token: author.token })).body.items[0];
    expect(seenByAuthor).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect(seenByAuthor.moderationReason).toMatch(/review/);
  });

  it("concurrent reporters are all counted", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const reporters = await Promise.all([makeUser(s), makeUser(s), makeUser(s)]);
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "Spam spam spam")).body;
    const res = await Promise.all(
      reporters.map((r) => s.api("POST", `/comments/${c.id}/report`, { token: r.token, body: {} })),
    );
    expect(res.map((r) => r.status)).toEqual([202, 202, 202]);
    const [row] = await s.ctx.db.query<{ report_count: number; is_hidden: boolean }>(
      "select report_count, is_hidden from public.comments where id = $1",
      [c.id],
    );
    expect(row).toEqual({ report_count: 3, is_hidden: true });
    expect(await commentCount(video)).toBe(0);
    // Hidden now, so it no longer exists for a fourth reporter.
    const late = await makeUser(s);
    expect((await s.api("POST", `/comments/${c.id}/report`, { token: late.token, body: {} })).status).toBe(404);
  });

  it("reporting your own comment is refused; reporting needs a token and a valid body", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(owner.id);
    const c = (await post(a.token, video, "my comment")).body;
    const own = await s.api("POST", `/comments/${c.id}/report`, { token: a.token, body: {} });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe("cannot_report_own_comment");
    expect((await s.api("POST", `/comments/${c.id}/report`, { body: {} })).status).toBe(401);
    const b = await makeUser(s);
    const extra = await s.api("POST", `/comments/${c.id}/report`, { token: b.token, body: { weight: 100 } });
    expect(extra.status).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await s.api("POST", `/comments/${unknown}/report`, { token: b.token, body: {} })).status).toBe(404);
  });
});
