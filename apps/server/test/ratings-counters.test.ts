// Video counters (ratingAvg/ratingCount, commentCount) stay equal to the rows they summarise:
// under concurrent writes (meaningful on the PostgreSQL server, serialised on PGlite) and when a
// user or a video is deleted and the cascades fire the counter triggers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

async function makeVideo(ownerId: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Waves', 'PHYSICS', 'INTERMEDIATE', 'Waves', $1, 'PUBLIC') returning id`,
    [ownerId],
  );
  return row.id;
}

/** Videos whose stored counters differ from an aggregate over their ratings and visible comments. */
async function drifted(videoIds: string[]) {
  return s.ctx.db.query<{ id: string }>(
    `select v.id from public.videos v
      where v.id = any($1::uuid[]) and (
        v.rating_count <> (select count(*) from public.ratings r where r.video_id = v.id)
        or v.rating_sum <> (select coalesce(sum(stars), 0) from public.ratings r where r.video_id = v.id)
        or v.rating_avg <> coalesce((select round(avg(stars), 2) from public.ratings r where r.video_id = v.id), 0)
        or v.comment_count <> (select count(*) from public.comments c where c.video_id = v.id and not c.is_hidden))`,
    [videoIds],
  );
}

const counters = async (videoId: string) =>
  (
    await s.ctx.db.query<{ avg: number; n: number; comments: number }>(
      "select rating_avg::float8 as avg, rating_count as n, comment_count as comments from public.videos where id = $1",
      [videoId],
    )
  )[0];

describe("counters under concurrency", () => {
  it("30 users rating one video at once, a third of them changing their stars mid-flight, keep the average exact", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    const raters = [];
    // Registered a few at a time: 2 shared cores hash passwords slowly.
    for (let i = 0; i < 30; i += 6) raters.push(...(await Promise.all(Array.from({ length: 6 }, () => makeUser(s)))));
    const rate = (token: string, stars: number) =>
      s.api("POST", "/ratings", { token, body: { videoId: video, stars } });
    const first = await Promise.all(raters.map((r, i) => rate(r.token, (i % 5) + 1)));
    expect(first.every((r) => r.status === 200)).toBe(true);
    const changes = await Promise.all(
      raters.flatMap((r, i) => (i % 3 === 0 ? [rate(r.token, 5 - (i % 5)), rate(r.token, 1)] : [])),
    );
    expect(changes.every((r) => r.status === 200)).toBe(true);
    expect(await drifted([video])).toEqual([]);
    const c = await counters(video);
    expect(c.n).toBe(30);
    const summary = await s.api("GET", `/ratings?videoId=${video}`);
    const dist = summary.body.distribution as Record<string, number>;
    expect(Object.values(dist).reduce((a, b) => a + b, 0)).toBe(30);
    expect(summary.body.ratingAvg).toBe(c.avg);
  });

  it("concurrent comments and deletions keep commentCount exact", async () => {
    const owner = await makeUser(s);
    const video = await makeVideo(owner.id);
    const authors = await Promise.all(Array.from({ length: 5 }, () => makeUser(s)));
    const post = (token: string, text: string) => s.api("POST", "/comments", { token, body: { videoId: video, text } });
    const posted = await Promise.all(
      authors.flatMap((a) => [post(a.token, "Good one"), post(a.token, "kill yourself")]),
    );
    expect(posted.every((r) => r.status === 201)).toBe(true);
    expect((await counters(video)).comments).toBe(5);
    await Promise.all(
      posted
        .slice(0, 4)
        .map((r, i) => s.api("DELETE", `/comments/${r.body.id}`, { token: authors[Math.floor(i / 2)].token })),
    );
    expect((await counters(video)).comments).toBe(3);
    expect(await drifted([video])).toEqual([]);
  });
});

describe("counters under deletion", () => {
  it("deleting a user removes their ratings and comments from every video's counters", async () => {
    const creator = await makeUser(s);
    const leaver = await makeUser(s);
    const stayer = await makeUser(s);
    const v1 = await makeVideo(creator.id);
    const v2 = await makeVideo(creator.id);
    const own = await makeVideo(leaver.id);
    for (const v of [v1, v2]) {
      await s.api("POST", "/ratings", { token: leaver.token, body: { videoId: v, stars: 1 } });
      await s.api("POST", "/ratings", { token: stayer.token, body: { videoId: v, stars: 5 } });
      await s.api("POST", "/comments", { token: leaver.token, body: { videoId: v, text: "Bye" } });
      await s.api("POST", "/comments", { token: leaver.token, body: { videoId: v, text: "f u c k" } });
      await s.api("POST", "/comments", { token: stayer.token, body: { videoId: v, text: "Still here" } });
    }
    await s.api("POST", "/ratings", { token: stayer.token, body: { videoId: own, stars: 4 } });
    expect(await counters(v1)).toEqual({ avg: 3, n: 2, comments: 2 });

    expect((await s.api("DELETE", `/users/${leaver.id}`, { token: leaver.token })).status).toBe(204);
    for (const v of [v1, v2]) expect(await counters(v)).toEqual({ avg: 5, n: 1, comments: 1 });
    expect(await drifted([v1, v2])).toEqual([]);
    // The leaver's own video went with them, and the stayer's rating of it too.
    expect((await s.api("GET", `/ratings?videoId=${own}`)).status).toBe(404);
    const stats = await s.api("GET", `/users/${stayer.id}/stats`, { token: stayer.token });
    expect(stats.body).toMatchObject({ ratingsGiven: 2, commentsPosted: 2 });
  });

  it("deleting a video removes its comments and ratings from everyone's stats and leaves other videos exact", async () => {
    const creator = await makeUser(s);
    const fan = await makeUser(s);
    const doomed = await makeVideo(creator.id);
    const kept = await makeVideo(creator.id);
    for (const v of [doomed, kept]) {
      await s.api("POST", "/ratings", { token: fan.token, body: { videoId: v, stars: 4 } });
      await s.api("POST", "/comments", { token: fan.token, body: { videoId: v, text: "Nice" } });
    }
    await s.ctx.db.query("delete from public.videos where id = $1", [doomed]);
    expect(await counters(kept)).toEqual({ avg: 4, n: 1, comments: 1 });
    expect(await drifted([kept])).toEqual([]);
    expect((await s.api("GET", `/comments?videoId=${doomed}`)).status).toBe(404);
    const stats = await s.api("GET", `/users/${fan.id}/stats`, { token: fan.token });
    expect(stats.body).toMatchObject({ ratingsGiven: 1, commentsPosted: 1 });
    const creatorStats = await s.api("GET", `/users/${creator.id}/stats`, { token: creator.token });
    expect(creatorStats.body).toMatchObject({ videosCreated: 1, avgRatingReceived: 4 });
  });
});
