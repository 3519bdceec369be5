// "Report inaccuracy" on one key point, the moderators' queue marking it, and the creator
// regenerating that key point from the notes (issue 17 item 6). The test server has no model.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;

const KEY_POINTS = [
  "Photosynthesis makes glucose from carbon dioxide and water using light",
  "The Calvin cycle happens in the mitochondria", // the inaccurate one
  "Limiting factors control the rate of photosynthesis",
];

async function makeLesson(owner: User, notes: string | null = NOTES) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, source_text, key_points, timestamps)
     values ('Photosynthesis', 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $1, 'PUBLIC', $2, $3, '{0,20,40}') returning id`,
    [owner.id, notes, KEY_POINTS],
  );
  return row.id;
}
const report = (u: User, id: string, body: unknown) => s.api("POST", `/videos/${id}/report`, { token: u.token, body });
const regenerate = (u: User | null, id: string, index: number | string) =>
  s.api("POST", `/videos/${id}/key-points/${index}/regenerate`, { token: u?.token });
const moderator = async () => {
  const mod = await makeUser(s);
  await s.ctx.db.query("update public.users set role = 'MODERATOR' where id = $1", [mod.id]);
  return mod;
};

describe("POST /videos/:id/report with keyPointIndex", () => {
  it("an index past the last key point is a 400 problem naming keyPointIndex, and nothing is stored", async () => {
    const id = await makeLesson(await makeUser(s));
    const u = await makeUser(s);
    for (const keyPointIndex of [3, -1, 1.5, "1"]) {
      const res = await report(u, id, { reason: "wrong", keyPointIndex });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain("keyPointIndex");
    }
    const [{ n }] = await s.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from public.video_reports where video_id = $1",
      [id],
    );
    expect(n).toBe(0);
  });

  it("reported key points are marked in the moderators' queue", async () => {
    const id = await makeLesson(await makeUser(s));
    expect(
      (await report(await makeUser(s), id, { reason: "Calvin cycle is in the stroma", keyPointIndex: 1 })).status,
    ).toBe(202);
    expect((await report(await makeUser(s), id, { reason: "also wrong", keyPointIndex: 1 })).status).toBe(202);
    expect((await report(await makeUser(s), id, { reason: "spam" })).status).toBe(202);
    const res = await s.api("GET", "/moderation/videos?limit=50", { token: (await moderator()).token });
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { video: { id: string } }) => i.video.id === id);
    expect(item.reportCount).toBe(3);
    expect(item.reportedKeyPoints).toEqual([1]);
    expect(item.reasons).toContain("Calvin cycle is in the stroma");
  });
});

describe("POST /videos/:id/key-points/:index/regenerate", () => {
  it("creator only: 401 signed out, 403 for others, 404 for a missing lesson or key point", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    expect((await regenerate(null, id, 1)).status).toBe(401);
    const other = await regenerate(await makeUser(s), id, 1);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("forbidden");
    expect((await regenerate(owner, "00000000-0000-4000-8000-000000000000", 1)).status).toBe(404);
    expect((await regenerate(owner, id, 3)).status).toBe(404);
    expect((await regenerate(owner, id, "x")).status).toBe(400);
    const lesson = await s.api("GET", `/videos/${id}`, { token: owner.token });
    expect(lesson.body.keyPoints).toEqual(KEY_POINTS);
  });

  it("rewrites the key point from the notes (no model configured), grounds it, and clears its inaccuracy reports", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    await report(await makeUser(s), id, { reason: "wrong organelle", keyPointIndex: 1 });
    await report(await makeUser(s), id, { reason: "off topic" });
    const res = await regenerate(owner, id, 1);
    expect(res.status).toBe(200);
    const kp = res.body.keyPoints[1];
    expect(kp).not.toBe(KEY_POINTS[1]);
    expect(kp).toContain("Calvin cycle");
    expect(NOTES).toContain(kp);
    expect(res.body.keyPoints[0]).toBe(KEY_POINTS[0]);
    expect(res.body.keyPoints[2]).toBe(KEY_POINTS[2]);
    const src = res.body.keyPointSources[1];
    expect(NOTES.slice(src.start, src.end)).toBe(src.text);
    expect(res.body.keyPointSources[0]).toBeNull();
    const open = await s.ctx.db.query<{ key_point_index: number | null }>(
      "select key_point_index from public.video_reports where video_id = $1 and resolved_at is null",
      [id],
    );
    expect(open).toEqual([{ key_point_index: null }]);
  });

  it("the lesson's video showed the old wording, so it is rendered again", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    await s.ctx.db.query(
      "insert into public.video_media (video_id, status, progress, attempts) values ($1, 'READY', 1, 1)",
      [id],
    );
    const res = await regenerate(owner, id, 1);
    expect(res.status).toBe(200);
    // PENDING until the worker claims it; UNAVAILABLE (with its reason) where nothing can render.
    expect(["PENDING", "RENDERING", "UNAVAILABLE"]).toContain(res.body.media.status);
  });

  it("asking the AI where no model is configured is a 503 naming no_model, and nothing changes", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    const res = await s.api("POST", `/videos/${id}/key-points/1/regenerate`, {
      token: owner.token,
      body: { using: "ai" },
    });
    expect(res.status).toBe(503);
    expect(res.body.reason).toBe("no_model");
    const lesson = await s.api("GET", `/videos/${id}`, { token: owner.token });
    expect(lesson.body.keyPoints).toEqual(KEY_POINTS);
  });

  it("a lesson without notes cannot rewrite from them: 409", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner, null);
    expect((await regenerate(owner, id, 0)).status).toBe(409);
  });
});
