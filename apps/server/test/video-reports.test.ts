// Reporting a lesson, the moderators' queue of reported lessons, and their keep/remove decisions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;

async function makeVideo(owner: User, status = "PUBLIC", title = "Atoms and ions") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ($2, 'CHEMISTRY', 'BEGINNER', $2, $1, $3) returning id`,
    [owner.id, title, status],
  );
  return row.id;
}
const report = (u: User | null, id: string, body: unknown = {}) =>
  s.api("POST", `/videos/${id}/report`, { token: u?.token, body });
const queue = async (mod: User, q = "") => {
  const res = await s.api("GET", `/moderation/videos${q}`, { token: mod.token });
  expect(res.status).toBe(200);
  return res.body as {
    items: { video: { id: string }; reportCount: number; reasons: string[] }[];
    nextCursor: string | null;
  };
};
const decide = (mod: User, id: string, body: unknown) =>
  s.api("POST", `/moderation/videos/${id}`, { token: mod.token, body });
const openReports = async (id: string) =>
  (
    await s.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from public.video_reports where video_id = $1 and resolved_at is null",
      [id],
    )
  )[0].n;

describe("reporting a lesson", () => {
  it("takes one report per student (202, repeats ignored), with or without a reason", async () => {
    const owner = await makeUser(s);
    const [a, b] = [await makeUser(s), await makeUser(s)];
    const id = await makeVideo(owner);
    expect((await report(a, id, { reason: "The dates for the French Revolution are wrong" })).status).toBe(202);
    expect((await report(a, id, { reason: "again" })).status).toBe(202);
    expect((await report(b, id)).status).toBe(202);
    expect(await openReports(id)).toBe(2);
  });

  it("refuses the creator (403), anonymous callers (401), lessons others cannot see (404), bad input (400)", async () => {
    const owner = await makeUser(s);
    const other = await makeUser(s);
    const id = await makeVideo(owner);
    const own = await report(owner, id);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe("cannot_report_own_video");
    expect((await report(null, id)).status).toBe(401);
    expect((await report(other, await makeVideo(owner, "PRIVATE"))).status).toBe(404);
    expect((await report(other, await makeVideo(owner, "FAILED"))).status).toBe(404);
    expect((await report(other, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await report(other, "not-a-uuid")).status).toBe(400);
    const long = await report(other, id, { reason: "x".repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe("reason");
    const unknown = await report(other, id, { reason: "ok", severity: 5 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe("severity");
    expect(await openReports(id)).toBe(0);
  });

  it("keeps reports private: a student reads only their own, whatever the query", async () => {
    const owner = await makeUser(s);
    const [a, b] = [await makeUser(s), await makeUser(s)];
    const id = await makeVideo(owner);
    await report(a, id, { reason: "mine" });
    await report(b, id, { reason: "theirs" });
    const seen = await s.ctx.db.withUser({ userId: a.id }, (tx) =>
      tx.query<{ reason: string }>("select reason from public.video_reports"),
    );
    expect(seen.map((r) => r.reason)).toEqual(["mine"]);
    // No UPDATE grant: a student cannot close reports themselves.
    await expect(
      s.ctx.db.withUser({ userId: a.id }, (tx) => tx.query("update public.video_reports set resolved_at = now()")),
    ).rejects.toThrow(/permission denied/);
  });
});

describe("the reported-lessons queue", () => {
  it("is for moderators and admins only", async () => {
    const user = await makeUser(s);
    expect((await s.api("GET", "/moderation/videos")).status).toBe(401);
    expect((await s.api("GET", "/moderation/videos", { token: user.token })).status).toBe(403);
    expect((await decide(user, "00000000-0000-4000-8000-000000000000", { decision: "REJECT" })).status).toBe(403);
    const admin = await makeUser(s, { role: "ADMIN" });
    expect((await s.api("GET", "/moderation/videos", { token: admin.token })).status).toBe(200);
  });

  it("lists lessons with open reports, longest-waiting first, with counts and the newest reasons, across pages", async () => {
    const mod = await makeUser(s, { role: "MODERATOR" });
    const owner = await makeUser(s);
    const reporters = [await makeUser(s), await makeUser(s), await makeUser(s)];
    const before = new Set((await queue(mod, "?limit=100")).items.map((i) => i.video.id));
    const first = await makeVideo(owner, "PUBLIC", "First reported");
    const second = await makeVideo(owner, "PUBLIC", "Second reported");
    await report(reporters[0], first, { reason: "Wrong formula" });
    await new Promise((r) => setTimeout(r, 5));
    await report(reporters[0], second);
    await report(reporters[1], first);
    await report(reporters[2], first, { reason: "Copied from a textbook" });

    const ids: string[] = [];
    const items: { video: { id: string }; reportCount: number; reasons: string[] }[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await queue(mod, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      for (const i of page.items) if (!before.has(i.video.id)) items.push(i);
      ids.push(...page.items.map((i) => i.video.id));
      cursor = page.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.map((i) => i.video.id)).toEqual([first, second]);
    expect(items[0]).toMatchObject({ reportCount: 3, reasons: ["Copied from a textbook", "Wrong formula"] });
    expect(items[1]).toMatchObject({ reportCount: 1, reasons: [] });
    expect((await s.api("GET", "/moderation/videos?cursor=bogus", { token: mod.token })).status).toBe(400);
  });

  it("APPROVE keeps the lesson and closes its reports; only a new reporter brings it back", async () => {
    const mod = await makeUser(s, { role: "MODERATOR" });
    const owner = await makeUser(s);
    const [a, b] = [await makeUser(s), await makeUser(s)];
    const id = await makeVideo(owner);
    await report(a, id);
    const kept = await decide(mod, id, { decision: "APPROVE" });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ id, status: "PUBLIC" });
    expect((await queue(mod, "?limit=100")).items.some((i) => i.video.id === id)).toBe(false);
    // Nothing waiting any more: approving again is a 404, and the same student cannot re-queue it.
    expect((await decide(mod, id, { decision: "APPROVE" })).status).toBe(404);
    await report(a, id);
    expect(await openReports(id)).toBe(0);
    await report(b, id);
    expect((await queue(mod, "?limit=100")).items.find((i) => i.video.id === id)?.reportCount).toBe(1);
  });

  it("REJECT removes the lesson for everyone but its creator, who is told why", async () => {
    const mod = await makeUser(s, { role: "MODERATOR" });
    const owner = await makeUser(s);
    const viewer = await makeUser(s);
    const id = await makeVideo(owner, "PUBLIC", "Lesson to remove");
    await report(viewer, id, { reason: "Harmful advice" });
    const removed = await decide(mod, id, { decision: "REJECT", reason: "It recommends unsafe chemistry at home." });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({
      status: "REJECTED",
      failureCode: "removed_by_moderator",
      failureReason: "Removed by a moderator: It recommends unsafe chemistry at home.",
    });
    expect(await openReports(id)).toBe(0);
    expect((await s.api("GET", `/videos/${id}`, { token: viewer.token })).status).toBe(404);
    expect((await s.api("GET", `/videos/${id}`)).status).toBe(404);
    const feed = await s.api("GET", "/videos?limit=100");
    expect(feed.body.items.some((v: { id: string }) => v.id === id)).toBe(false);
    const mine = await s.api("GET", `/videos/${id}`, { token: owner.token });
    expect(mine.body).toMatchObject({
      status: "REJECTED",
      failureCode: "removed_by_moderator",
      failureReason: removed.body.failureReason,
    });
    const inbox = await s.api("GET", "/notifications", { token: owner.token });
    expect(inbox.body.items[0]).toMatchObject({
      kind: "video.removed",
      title: '"Lesson to remove" was removed',
      data: { videoId: id },
    });
    // Already removed: a second REJECT is a conflict, not a second notification.
    expect((await decide(mod, id, { decision: "REJECT" })).status).toBe(409);
    expect((await s.api("GET", "/notifications", { token: owner.token })).body.items).toHaveLength(1);
  });

  it("rejects bad decisions with a 400 naming the field, and unknown lessons with a 404", async () => {
    const mod = await makeUser(s, { role: "MODERATOR" });
    const owner = await makeUser(s);
    const id = await makeVideo(owner);
    const bad = await decide(mod, id, { decision: "DELETE" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("decision");
    const empty = await decide(mod, id, { decision: "REJECT", reason: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("reason");
    expect((await decide(mod, "00000000-0000-4000-8000-000000000000", { decision: "REJECT" })).status).toBe(404);
    expect((await s.api("GET", `/videos/${id}`)).body.status).toBe("PUBLIC");
  });
});
