// The moderators' queue and decisions, and the model's second opinion on FLAGGED comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlmProvider } from "../src/ai/providers/types.js";
import { runSecondOpinion } from "../src/comments/moderation-job.js";
import { makeUser, type Res, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

async function makeVideo(ownerId: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Atoms', 'CHEMISTRY', 'BEGINNER', 'Atoms', $1, 'PUBLIC') returning id`,
    [ownerId],
  );
  return row.id;
}
const commentCount = async (videoId: string) =>
  (await s.ctx.db.query<{ n: number }>("select comment_count as n from public.videos where id = $1", [videoId]))[0].n;
const post = (token: string, videoId: string, text: string) =>
  s.api("POST", "/comments", { token, body: { videoId, text } });
const report = (token: string, id: string) => s.api("POST", `/comments/${id}/report`, { token, body: {} });

/** A hosted judge that always answers `verdict`: the one external part these tests stand in for. */
function judge(verdict: "SAFE" | "BORDERLINE" | "UNSAFE"): LlmProvider {
  return {
    name: "openai",
    model: "judge-stub",
    concurrency: 1,
    generateJson: async () => ({
      json: { verdict, reason: "it insults the author" },
      text: "",
      usage: { inputTokens: 0, outputTokens: 0 },
    }),
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}

describe("the moderation queue", () => {
  it("is for moderators and admins only", async () => {
    const user = await makeUser(s);
    expect((await s.api("GET", "/moderation/queue")).status).toBe(401);
    expect((await s.api("GET", "/moderation/queue", { token: user.token })).status).toBe(403);
    const somebody = "00000000-0000-4000-8000-000000000000";
    const decide = await s.api("POST", `/moderation/comments/${somebody}`, {
      token: user.token,
      body: { decision: "APPROVE" },
    });
    expect(decide.status).toBe(403);
    const admin = await makeUser(s, { role: "ADMIN" });
    expect((await s.api("GET", "/moderation/queue", { token: admin.token })).status).toBe(200);
  });

  it("lists FLAGGED comments, hidden ones included, with their reason; approving publishes one", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(owner.id);
    const flagged = (await post(author.token, video, "this is sh1t")).body;
    const clean = (await post(author.token, video, "Lovely")).body;
    const queue = await s.api("GET", "/moderation/queue?limit=100", { token: mod.token });
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((c: { id: string }) => c.id === flagged.id);
    expect(item).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect(item.moderationReason).toMatch(/review/);
    expect(queue.body.items.some((c: { id: string }) => c.id === clean.id)).toBe(false);
    expect(await commentCount(video)).toBe(1);

    const approved = await s.api("POST", `/moderation/comments/${flagged.id}`, {
      token: mod.token,
      body: { decision: "APPROVE" },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: flagged.id, isHidden: false, moderationStatus: "APPROVED" });
    expect(await commentCount(video)).toBe(2);
    const publicList = await s.api("GET", `/comments?videoId=${video}`);
    expect(publicList.body.items.map((c: { id: string }) => c.id)).toContain(flagged.id);
    const after = await s.api("GET", "/moderation/queue?limit=100", { token: mod.token });
    expect(after.body.items.some((c: { id: string }) => c.id === flagged.id)).toBe(false);
  });

  it("rejecting hides a comment for good, with a reason its author sees and others do not", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "Buy cheap essays at my site")).body;
    expect(await commentCount(video)).toBe(1);
    const rejected = await s.api("POST", `/moderation/comments/${c.id}`, {
      token: mod.token,
      body: { decision: "REJECT" },
    });
    expect(rejected.body).toMatchObject({ isHidden: true, moderationStatus: "REJECTED" });
    expect(rejected.body.moderationReason).toMatch(/moderator/);
    expect(await commentCount(video)).toBe(0);
    expect((await s.api("GET", `/comments?videoId=${video}`, { token: owner.token })).body.items).toEqual([]);
    const own = (await s.api("GET", `/comments?videoId=${video}`, { token: author.token })).body.items[0];
    expect(own.moderationReason).toMatch(/moderator/);
    // An edit does not bring a rejected comment back without a moderator looking again.
    const edited = await s.api("PATCH", `/comments/${c.id}`, { token: author.token, body: { text: "Nice lesson" } });
    expect(edited.body).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect(await commentCount(video)).toBe(0);
  });

  it("validates the decision and answers 404 for an unknown comment", async () => {
    const mod = await makeUser(s, { role: "MODERATOR" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    const bad = await s.api("POST", `/moderation/comments/${unknown}`, {
      token: mod.token,
      body: { decision: "MAYBE" },
    });
    expect(bad.status).toBe(400);
    const missing = await s.api("POST", `/moderation/comments/${unknown}`, {
      token: mod.token,
      body: { decision: "REJECT" },
    });
    expect(missing.status).toBe(404);
    expect((await s.api("GET", "/moderation/queue?cursor=bogus", { token: mod.token })).status).toBe(400);
  });

  it("pages the queue oldest first without repeats", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(owner.id);
    for (let i = 0; i < 3; i++) await post(author.token, video, `sh1t number ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await s.api("GET", `/moderation/queue?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        token: mod.token,
      });
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const mine = (await s.api("GET", `/comments?videoId=${video}`, { token: author.token })).body.items;
    const order = seen.filter((id) => mine.some((c: { id: string }) => c.id === id));
    expect(order).toEqual(mine.map((c: { id: string }) => c.id).reverse());
  });
});

describe("reports and review", () => {
  it("after a moderator approves a reported comment, only three new reporters can hide it again", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const first = await Promise.all([makeUser(s), makeUser(s), makeUser(s)]);
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "Mitochondria is not the powerhouse")).body;
    for (const r of first) expect((await report(r.token, c.id)).status).toBe(202);
    const queue = await s.api("GET", "/moderation/queue?limit=100", { token: mod.token });
    expect(queue.body.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ isHidden: true });
    // Hidden by reports: editing does not slip it past the review.
    const edited = await s.api("PATCH", `/comments/${c.id}`, { token: author.token, body: { text: "Fine, it is" } });
    expect(edited.body).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    await s.api("POST", `/moderation/comments/${c.id}`, { token: mod.token, body: { decision: "APPROVE" } });
    expect(await commentCount(video)).toBe(1);
    for (const r of first) await report(r.token, c.id);
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toHaveLength(1);
    for (const r of await Promise.all([makeUser(s), makeUser(s), makeUser(s)])) await report(r.token, c.id);
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items).toEqual([]);
    expect(await commentCount(video)).toBe(0);
  });
});

describe("the model's second opinion", () => {
  async function flaggedComment() {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const video = await makeVideo(owner.id);
    const c = (await post(author.token, video, "this explanation is sh1t")).body;
    expect(c.moderationStatus).toBe("FLAGGED");
    return { video, c, author };
  }

  it("is skipped without a model (offline): the comment waits for a human", async () => {
    const { c } = await flaggedComment();
    expect(await runSecondOpinion(s.ctx.db, s.ctx.llm, { commentId: c.id })).toBe("skipped");
    expect(await runSecondOpinion(s.ctx.db, undefined, { commentId: c.id })).toBe("skipped");
  });

  it("an UNSAFE verdict rejects the comment with the model's reason", async () => {
    const { video, c, author } = await flaggedComment();
    expect(await runSecondOpinion(s.ctx.db, judge("UNSAFE"), { commentId: c.id })).toBe("REJECTED");
    const own = (await s.api("GET", `/comments?videoId=${video}`, { token: author.token })).body.items[0];
    expect(own).toMatchObject({
      isHidden: true,
      moderationStatus: "REJECTED",
      moderationReason: "it insults the author",
    });
  });

  it("a SAFE verdict publishes it; BORDERLINE leaves it for a human", async () => {
    const { video, c } = await flaggedComment();
    expect(await runSecondOpinion(s.ctx.db, judge("BORDERLINE"), { commentId: c.id })).toBe("unchanged");
    expect(await commentCount(video)).toBe(0);
    expect(await runSecondOpinion(s.ctx.db, judge("SAFE"), { commentId: c.id })).toBe("APPROVED");
    expect(await commentCount(video)).toBe(1);
    expect((await s.api("GET", `/comments?videoId=${video}`)).body.items[0]).toMatchObject({
      id: c.id,
      isHidden: false,
    });
  });

  it("its verdict is pushed live: comment.updated on the video's channel", async () => {
    const events: Array<{ channel: string; event: string; data: { id: string; moderationStatus: string } }> = [];
    const stop = await s.ctx.db.listen("lm_events", (payload) => events.push(JSON.parse(payload)));
    try {
      const { video, c } = await flaggedComment();
      await runSecondOpinion(s.ctx.db, judge("UNSAFE"), { commentId: c.id });
      const event = await waitFor(() =>
        events.find(
          (e) => e.event === "comment.updated" && e.data.id === c.id && e.data.moderationStatus === "REJECTED",
        ),
      );
      expect(event).toMatchObject({ channel: `video:${video}`, data: { isHidden: true } });
    } finally {
      await stop();
    }
  });

  it("runs in the background through the queue once a model is configured", async () => {
    const offline = s.ctx.llm;
    // The worker reads the provider when a job runs, so swapping it here is what configuring does.
    s.ctx.llm = judge("UNSAFE");
    try {
      const { video, c, author } = await flaggedComment();
      const own = await waitFor(async () => {
        const items = (await s.api("GET", `/comments?videoId=${video}`, { token: author.token })).body.items;
        return items.find(
          (x: { id: string; moderationStatus: string }) => x.id === c.id && x.moderationStatus === "REJECTED",
        );
      }, 20_000);
      expect(own).toMatchObject({ isHidden: true, moderationReason: "it insults the author" });
    } finally {
      s.ctx.llm = offline;
    }
  });

  it("never overrides a moderator who decided first", async () => {
    const { c } = await flaggedComment();
    const mod = await makeUser(s, { role: "MODERATOR" });
    await s.api("POST", `/moderation/comments/${c.id}`, { token: mod.token, body: { decision: "REJECT" } });
    expect(await runSecondOpinion(s.ctx.db, judge("SAFE"), { commentId: c.id })).toBe("unchanged");
  });
});
