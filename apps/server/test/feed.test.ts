// GET /videos: filters, search, sorts, cursor pages (also while rows are inserted), views.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
let author: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  s = await startTestServer();
  author = await makeUser(s, { name: "author" });
});
afterAll(() => s.stop());

async function insertVideo(o: {
  title: string;
  subject?: string;
  difficulty?: string;
  status?: string;
  keyPoints?: string[];
  by?: string;
  ratingSum?: number;
  ratingCount?: number;
}) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, key_points, rating_sum, rating_count)
     values ($1, $2, $3, $1, $4, $5, $6, $7, $8) returning id`,
    [
      o.title,
      o.subject ?? "MATH",
      o.difficulty ?? "BEGINNER",
      o.by ?? author.id,
      o.status ?? "PUBLIC",
      o.keyPoints ?? [],
      o.ratingSum ?? 0,
      o.ratingCount ?? 0,
    ],
  );
  return row.id;
}

async function allPages(query: string, token?: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await s.api(
      "GET",
      `/videos?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      { token },
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((v) => v.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe("feed", () => {
  it("pages by cursor with no duplicates or gaps while new videos are inserted", async () => {
    const tag = `Pager${Date.now()}`;
    const before: string[] = [];
    for (let i = 0; i < 25; i++) before.push(await insertVideo({ title: `${tag} lesson ${i}`, subject: "GEOGRAPHY" }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await s.api(
        "GET",
        `/videos?subject=GEOGRAPHY&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen.push(...res.body.items.map((v) => v.id));
      cursor = res.body.nextCursor;
      await insertVideo({ title: `${tag} late arrival`, subject: "GEOGRAPHY" }); // newer than every page
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(before));
  });

  it("filters by subject and difficulty and shows only PUBLIC videos", async () => {
    await insertVideo({ title: "Chem private", subject: "CHEMISTRY", status: "PRIVATE" });
    await insertVideo({ title: "Chem failed", subject: "CHEMISTRY", status: "FAILED" });
    const adv = await insertVideo({ title: "Chem advanced", subject: "CHEMISTRY", difficulty: "ADVANCED" });
    await insertVideo({ title: "Chem beginner", subject: "CHEMISTRY" });
    const res = await s.api("GET", "/videos?subject=CHEMISTRY&difficulty=ADVANCED");
    expect(res.body.items.map((v: { id: string }) => v.id)).toEqual([adv]);
    const all = await s.api("GET", "/videos?subject=CHEMISTRY");
    expect(all.body.items.every((v: { status: string }) => v.status === "PUBLIC")).toBe(true);
  });

  it("createdBy=me lists every one of your videos in every status; other users see only PUBLIC ones", async () => {
    const me = await makeUser(s);
    const ids = [
      await insertVideo({ title: "Mine public", by: me.id }),
      await insertVideo({ title: "Mine private", by: me.id, status: "PRIVATE" }),
      await insertVideo({ title: "Mine failed", by: me.id, status: "FAILED" }),
    ];
    expect(new Set(await allPages("createdBy=me", me.token))).toEqual(new Set(ids));
    expect(await allPages(`createdBy=${me.id}`)).toEqual([ids[0]]);
    expect((await s.api("GET", "/videos?createdBy=me")).status).toBe(401);
  });

  it("full-text search finds a word that appears only in one lesson's key points, first", async () => {
    const target = await insertVideo({
      title: "Cell biology",
      subject: "BIOLOGY",
      keyPoints: ["Mitochondria produce ATP through oxidative phosphorylation"],
    });
    await insertVideo({
      title: "Phosphorylation in depth",
      subject: "BIOLOGY",
      keyPoints: ["Kinases add phosphate groups"],
    });
    const res = await s.api("GET", "/videos?q=oxidative");
    expect(res.body.items[0].id).toBe(target);
    expect(res.body.items).toHaveLength(1);
    const title = await s.api("GET", `/videos?q=${encodeURIComponent("phosphorylation")}`);
    expect(title.body.items.map((v: { title: string }) => v.title)[0]).toBe("Phosphorylation in depth"); // title outweighs key points
  });

  it("hostile search input is just a search", async () => {
    for (const q of ["'; drop table videos; --", "!!!&&|||(", '"unclosed', "a:* <-> b", "%00"]) {
      const res = await s.api("GET", `/videos?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
  });

  it("sort=top orders by ratingAvg then ratingCount; for_you puts the user's subjects first", async () => {
    const a = await insertVideo({ title: "Top A", subject: "MUSIC", ratingSum: 10, ratingCount: 2 }); // 5.0
    const b = await insertVideo({ title: "Top B", subject: "MUSIC", ratingSum: 45, ratingCount: 10 }); // 4.5
    const c = await insertVideo({ title: "Top C", subject: "MUSIC", ratingSum: 9, ratingCount: 2 }); // 4.5, fewer
    const top = (await s.api("GET", "/videos?subject=MUSIC&sort=top")).body.items.map((v: { id: string }) => v.id);
    expect(top.slice(0, 3)).toEqual([a, b, c]);
    expect(new Set(await allPages("subject=MUSIC&sort=top&limit=1"))).toEqual(new Set(top));

    const fan = await makeUser(s);
    await s.api("PATCH", `/users/${fan.id}`, { token: fan.token, body: { subjects: ["ART"] } });
    const art = await insertVideo({ title: "Art for you", subject: "ART" });
    const forYou = await s.api("GET", "/videos?sort=for_you", { token: fan.token });
    expect(forYou.body.items[0].id).toBe(art);
    expect((await s.api("GET", "/videos?sort=for_you")).status).toBe(401);

    // Cards due in a subject make it a weak one: its lessons come before the chosen subjects'.
    const weakLesson = await insertVideo({
      title: "Harmony basics",
      subject: "MUSIC",
      keyPoints: ["Chords are built from stacked thirds"],
    });
    const cards = await s.api("POST", `/cards/from-lesson/${weakLesson}`, { token: fan.token });
    expect([200, 201]).toContain(cards.status);
    const weakFirst = (await s.api("GET", "/videos?sort=for_you&limit=100", { token: fan.token })).body.items as Array<{
      id: string;
      subject: string;
    }>;
    const firstNonMusic = weakFirst.findIndex((v) => v.subject !== "MUSIC");
    expect(weakFirst[0].subject).toBe("MUSIC");
    expect(weakFirst.slice(firstNonMusic).some((v) => v.subject === "MUSIC")).toBe(false);
    expect(weakFirst[firstNonMusic].id).toBe(art);
    const trending = await s.api("GET", "/videos?sort=trending&limit=5");
    expect(trending.status).toBe(200);
  });

  it.each([["limit=0"], ["limit=101"], ["limit=abc"], ["cursor=not-a-cursor"], ["sort=random"], ["createdBy=bob"]])(
    "refuses %s with 400",
    async (query) => {
      const res = await s.api("GET", `/videos?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("validation_error");
    },
  );

  it("a cursor from one sort is refused by another", async () => {
    for (let i = 0; i < 3; i++) await insertVideo({ title: `Cursor ${i}`, subject: "ECONOMICS" });
    const first = await s.api("GET", "/videos?subject=ECONOMICS&limit=1");
    const res = await s.api("GET", `/videos?subject=ECONOMICS&sort=top&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
  });

  it("myRating appears only when a token is sent", async () => {
    const id = await insertVideo({ title: "Rated one", subject: "ART" });
    const rater = await makeUser(s);
    await s.ctx.db.query("insert into public.ratings (video_id, user_id, stars) values ($1, $2, 4)", [id, rater.id]);
    expect((await s.api("GET", `/videos/${id}`, { token: rater.token })).body.myRating).toBe(4);
    expect((await s.api("GET", `/videos/${id}`)).body).not.toHaveProperty("myRating");
  });

  it("browsing runs with the statement's generic plan; a search or one author's lessons leave it to PostgreSQL", async () => {
    const db = s.ctx.db;
    const original = db.readAs;
    const seen: Array<boolean | undefined> = [];
    db.readAs = <T>(...args: Parameters<typeof original>) => {
      const [, sql, , opts] = args;
      if (sql.includes("from (public.videos v")) seen.push(opts?.genericPlan);
      return original.apply(db, args) as Promise<T[]>;
    };
    try {
      for (const q of ["", "?sort=top", "?subject=MATH", `?createdBy=${author.id}`, "?q=photosynthesis"]) {
        expect((await s.api("GET", `/videos${q}`, { token: author.token })).status).toBe(200);
      }
    } finally {
      db.readAs = original;
    }
    expect(seen).toEqual([true, true, true, false, false]);
  });

  it("the feed queries use indexes (EXPLAIN on 5,000 videos)", async () => {
    await s.ctx.db.query(
      `insert into public.videos (title, subject, difficulty, topic, created_by, status, key_points, created_at, trending_score)
       select 'Lesson ' || g, (array['MATH','BIOLOGY','HISTORY','ART'])[1 + g % 4], 'BEGINNER', 'topic ' || g, $1,
              case when g % 10 = 0 then 'PRIVATE' else 'PUBLIC' end, array['point ' || g], now() - g * interval '1 minute', random()
         from generate_series(1, 5000) g`,
      [author.id],
    );
    await s.ctx.db.exec("analyze public.videos");
    const explain = async (sql: string) =>
      (await s.ctx.db.query<{ "QUERY PLAN": string }>(`explain ${sql}`)).map((r) => r["QUERY PLAN"]).join("\n");
    const queries = [
      "select id from public.videos where status = 'PUBLIC' order by created_at desc, id desc limit 21",
      "select id from public.videos where status = 'PUBLIC' and subject = 'MATH' order by created_at desc, id desc limit 21",
      "select id from public.videos where status = 'PUBLIC' order by rating_avg desc, rating_count desc, id desc limit 21",
      "select id from public.videos where status = 'PUBLIC' order by trending_score desc, id desc limit 21",
      "select id from public.videos where status = 'PUBLIC' and search @@ websearch_to_tsquery('english', 'lesson 42') limit 21",
    ];
    for (const q of queries) {
      const plan = await explain(q);
      expect(plan, q).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      expect(plan, q).not.toMatch(/Seq Scan/);
    }
    expect(await explain(queries[4])).toMatch(/idx_videos_search/);
  });
});

describe("views", () => {
  it("counts once per user per 30 minutes, and anonymous clients by client id", async () => {
    const id = await insertVideo({ title: "Viewed" });
    const viewer = await makeUser(s);
    for (let i = 0; i < 3; i++)
      expect((await s.api("POST", `/videos/${id}/view`, { token: viewer.token, body: {} })).status).toBe(204);
    await s.api("POST", `/videos/${id}/view`, { body: { clientId: "anon-client-1" } });
    await s.api("POST", `/videos/${id}/view`, { body: { clientId: "anon-client-1" } });
    await s.api("POST", `/videos/${id}/view`, { body: { clientId: "anon-client-2" } });
    expect((await s.api("GET", `/videos/${id}`)).body.viewCount).toBe(3);
    // After the window the same viewer counts again (the database decides, not the cache).
    await s.ctx.db.query(
      "update public.video_views set viewed_at = now() - interval '31 minutes' where video_id = $1",
      [id],
    );
    const { ViewCounter } = await import("../src/videos/views.js");
    const counter = new ViewCounter(s.ctx.db);
    expect(await counter.record(id, `u:${viewer.id}`, viewer.id)).toBe(true);
    expect((await s.api("GET", `/videos/${id}`)).body.viewCount).toBe(4);
  });

  it("a private or unknown video → 404 for others", async () => {
    const id = await insertVideo({ title: "Hidden", status: "PRIVATE" });
    expect((await s.api("POST", `/videos/${id}/view`, { body: {} })).status).toBe(404);
    expect((await s.api("POST", "/videos/00000000-0000-4000-8000-000000000000/view", { body: {} })).status).toBe(404);
  });
});
