// Ratings table of the contract: upsert, own video, the public summary, per-user reads, stats.
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
     values ('Supply and demand', 'ECONOMICS', 'BEGINNER', 'Markets', $1, $2) returning id`,
    [ownerId, status],
  );
  return row.id;
}
const rate = (token: string | undefined, videoId: string, stars: unknown) =>
  s.api("POST", "/ratings", { token, body: { videoId, stars } });

describe("POST /ratings", () => {
  it("rates once per user: a second POST changes the stars, and the video's average follows", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const b = await makeUser(s);
    const video = await makeVideo(owner.id);
    const first = await rate(a.token, video, 5);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ videoId: video, stars: 5, ratingAvg: 5, ratingCount: 1 });
    expect((await rate(b.token, video, 2)).body).toEqual({ videoId: video, stars: 2, ratingAvg: 3.5, ratingCount: 2 });
    expect((await rate(a.token, video, 3)).body).toEqual({ videoId: video, stars: 3, ratingAvg: 2.5, ratingCount: 2 });
    const [row] = await s.ctx.db.query<{ avg: string; n: number }>(
      "select rating_avg::text as avg, rating_count as n from public.videos where id = $1",
      [video],
    );
    expect(row).toEqual({ avg: "2.50", n: 2 });
  });

  it("rounds the average to two decimals", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    const [a, b, c] = await Promise.all([makeUser(s), makeUser(s), makeUser(s)]);
    await rate(a.token, video, 5);
    await rate(b.token, video, 4);
    expect((await rate(c.token, video, 4)).body).toMatchObject({ ratingAvg: 4.33, ratingCount: 3 });
  });

  it("refuses your own video, unverified users, anonymous callers and bad bodies", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    const own = await rate(owner.token, video, 5);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe("cannot_rate_own_video");
    const unverified = await makeUser(s, { verified: false });
    const uv = await rate(unverified.token, video, 4);
    expect(uv.status).toBe(403);
    expect(uv.body.code).toBe("email_not_verified");
    expect((await rate(undefined, video, 4)).status).toBe(401);
    const a = await makeUser(s);
    for (const stars of [0, 6, 2.5, "5", null])
      expect((await rate(a.token, video, stars)).status, String(stars)).toBe(400);
    const massAssign = await s.api("POST", "/ratings", {
      token: a.token,
      body: { videoId: video, stars: 5, ratingAvg: 5, ratingCount: 1000 },
    });
    expect(massAssign.status).toBe(400);
    expect((await rate(a.token, "00000000-0000-4000-8000-000000000000", 4)).status).toBe(404);
    const [row] = await s.ctx.db.query<{ n: number }>("select rating_count as n from public.videos where id = $1", [
      video,
    ]);
    expect(row.n).toBe(0);
  });
});

describe("GET /ratings?videoId=", () => {
  it("is public and gives the average, the count and the distribution", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    const raters = await Promise.all([makeUser(s), makeUser(s), makeUser(s), makeUser(s)]);
    for (const [i, r] of raters.entries()) await rate(r.token, video, [5, 5, 3, 1][i]);
    const res = await s.api("GET", `/ratings?videoId=${video}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      videoId: video,
      ratingAvg: 3.5,
      ratingCount: 4,
      distribution: { "1": 1, "2": 0, "3": 1, "4": 0, "5": 2 },
    });
  });

  it("an unrated video has zeros everywhere; bad or unknown ids are 400/404", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    expect((await s.api("GET", `/ratings?videoId=${video}`)).body).toEqual({
      videoId: video,
      ratingAvg: 0,
      ratingCount: 0,
      distribution: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
    });
    expect((await s.api("GET", "/ratings?videoId=nope")).status).toBe(400);
    expect((await s.api("GET", "/ratings")).status).toBe(400);
    expect((await s.api("GET", "/ratings?videoId=00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("BOLA: ratings", () => {
  it("A gets 404 rating or reading the summary of B's private video; B reads it", async () => {
    const b = await makeUser(s);
    const a = await makeUser(s);
    const mod = await makeUser(s, { role: "MODERATOR" });
    const video = await makeVideo(b.id, "PRIVATE");
    expect((await rate(a.token, video, 5)).status).toBe(404);
    for (const token of [a.token, undefined]) {
      expect((await s.api("GET", `/ratings?videoId=${video}`, { token })).status).toBe(404);
    }
    expect((await s.api("GET", `/ratings?videoId=${video}`, { token: b.token })).status).toBe(200);
    // A moderator can see the video, so may rate it; the owner then sees it in the summary.
    expect((await rate(mod.token, video, 4)).status).toBe(200);
    expect((await s.api("GET", `/ratings?videoId=${video}`, { token: b.token })).body.distribution["4"]).toBe(1);
  });

  it("the rating distribution function reveals nothing about a video the caller cannot see", async () => {
    const b = await makeUser(s);
    const a = await makeUser(s);
    const video = await makeVideo(b.id, "PRIVATE");
    await s.ctx.db.query("insert into public.ratings (video_id, user_id, stars) values ($1, $2, 5)", [video, a.id]);
    const rows = await s.ctx.db.withUser({ userId: a.id }, (tx) =>
      tx.query("select * from public.rating_distribution($1)", [video]),
    );
    expect(rows).toEqual([]);
  });

  it("GET /ratings/user/:userId/video/:videoId is for yourself only, 404 when not rated", async () => {
    const owner = await makeUser(s);
    const a = await makeUser(s);
    const b = await makeUser(s);
    const video = await makeVideo(owner.id);
    expect((await s.api("GET", `/ratings/user/${a.id}/video/${video}`, { token: a.token })).status).toBe(404);
    await rate(a.token, video, 4);
    const own = await s.api("GET", `/ratings/user/${a.id}/video/${video}`, { token: a.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ videoId: video, userId: a.id, stars: 4 });
    expect(Object.keys(own.body).sort()).toEqual(["createdAt", "stars", "updatedAt", "userId", "videoId"]);
    const peek = await s.api("GET", `/ratings/user/${a.id}/video/${video}`, { token: b.token });
    expect(peek.status).toBe(403);
    expect((await s.api("GET", `/ratings/user/${a.id}/video/${video}`)).status).toBe(401);
    expect((await s.api("GET", `/ratings/user/${a.id}/video/bad`, { token: a.token })).status).toBe(400);
  });
});

describe("GET /users/:id/stats", () => {
  it("counts comments posted, ratings given and the average rating received", async () => {
    const creator = await makeUser(s);
    const fan = await makeUser(s);
    const critic = await makeUser(s);
    const v1 = await makeVideo(creator.id);
    const v2 = await makeVideo(creator.id);
    await rate(fan.token, v1, 5);
    await rate(fan.token, v2, 4);
    await rate(critic.token, v1, 2);
    await s.api("POST", "/comments", { token: fan.token, body: { videoId: v1, text: "Loved it" } });
    await s.api("POST", "/comments", { token: fan.token, body: { videoId: v2, text: "Also good" } });
    const fanStats = await s.api("GET", `/users/${fan.id}/stats`, { token: fan.token });
    expect(fanStats.body).toMatchObject({ commentsPosted: 2, ratingsGiven: 2 });
    const creatorStats = await s.api("GET", `/users/${creator.id}/stats`, { token: creator.token });
    expect(creatorStats.body).toMatchObject({
      videosCreated: 2,
      commentsPosted: 0,
      ratingsGiven: 0,
      avgRatingReceived: 3.67,
    });
  });
});
