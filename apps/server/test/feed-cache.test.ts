// The anonymous feed cache: repeated pages come from the cache, and a lesson that appears, changes
// or goes away is reflected at once (the database notifies every instance). Runs on the memory
// cache with PGlite and on Redis in the PostgreSQL pass (REDIS_URL set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ feedCacheTtlMs: 5 * 60_000 });
});
afterAll(() => s.stop());

type Page = { items: { id: string; title: string; viewCount: number }[] };
const feed = async (query = "", token?: string) => {
  const res = await s.api("GET", `/videos?limit=100${query}`, { token });
  expect(res.status).toBe(200);
  return { page: res.body as Page, cacheStatus: res.headers.get("cache-status") };
};
async function publish(ownerId: string, title: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ($1, 'HISTORY', 'BEGINNER', $1, $2, 'PUBLIC') returning id`,
    [title, ownerId],
  );
  return row.id;
}
const ids = (p: Page) => p.items.map((v) => v.id);

/**
 * Publishes and waits until the server has seen the resulting invalidation: it arrives a moment
 * after the commit (NOTIFY), so a page cached in between would be dropped under a test's feet.
 */
async function publishSettled(ownerId: string, title: string) {
  let seen!: () => void;
  const notified = new Promise<void>((resolve) => {
    seen = resolve;
  });
  const stop = await s.ctx.db.listen("lm_feed", () => seen());
  try {
    const id = await publish(ownerId, title);
    await notified;
    await new Promise((r) => setTimeout(r, 100)); // the server's own listener, on its connection
    return id;
  } finally {
    await stop();
  }
}

describe("the anonymous feed cache", () => {
  it("serves a repeated page from the cache, per distinct query, and never for signed-in readers", async () => {
    const owner = await makeUser(s);
    await publishSettled(owner.id, "The French Revolution");
    const first = await feed("&subject=HISTORY");
    expect(first.cacheStatus).toBe("lm-feed; fwd=miss; stored");
    const again = await feed("&subject=HISTORY");
    expect(again.cacheStatus).toBe("lm-feed; hit");
    expect(again.page).toEqual(first.page);
    // Another filter is another page; the same filters in another order are the same page.
    expect((await feed("&subject=HISTORY&sort=top")).cacheStatus).toBe("lm-feed; fwd=miss; stored");
    expect((await feed("&sort=top&subject=HISTORY")).cacheStatus).toBe("lm-feed; hit");
    expect((await feed("&subject=HISTORY", owner.token)).cacheStatus).toBeNull();
  });

  it("shows a newly published lesson without waiting for the TTL", async () => {
    const owner = await makeUser(s);
    const before = await feed("&difficulty=BEGINNER");
    await feed("&difficulty=BEGINNER"); // cached now
    const id = await publish(owner.id, "The Treaty of Versailles");
    expect(ids(before.page)).not.toContain(id);
    await waitFor(async () => ids((await feed("&difficulty=BEGINNER")).page).includes(id));
  });

  it("drops a lesson at once when it is made private, removed or deleted, and shows renames", async () => {
    const owner = await makeUser(s);
    const a = await publishSettled(owner.id, "Lesson A");
    const b = await publishSettled(owner.id, "Lesson B");
    const c = await publishSettled(owner.id, "Lesson C");
    expect(ids((await feed()).page)).toEqual(expect.arrayContaining([a, b, c]));
    expect((await feed()).cacheStatus).toBe("lm-feed; hit");

    const made = await s.api("PATCH", `/videos/${a}`, { token: owner.token, body: { status: "PRIVATE" } });
    expect(made.status).toBe(200);
    await waitFor(async () => !ids((await feed()).page).includes(a));

    await s.ctx.db.query("update public.videos set status = 'REJECTED' where id = $1", [b]);
    await waitFor(async () => !ids((await feed()).page).includes(b));

    await s.api("PATCH", `/videos/${c}`, { token: owner.token, body: { title: "Lesson C, renamed" } });
    await waitFor(async () => (await feed()).page.items.find((v) => v.id === c)?.title === "Lesson C, renamed");

    expect((await s.api("DELETE", `/videos/${c}`, { token: owner.token })).status).toBe(204);
    await waitFor(async () => !ids((await feed()).page).includes(c));
  });

  it("keeps the page cached through view counts, which may lag by up to the TTL", async () => {
    const owner = await makeUser(s);
    const id = await publishSettled(owner.id, "The Industrial Revolution");
    expect(ids((await feed("&q=industrial")).page)).toContain(id);
    const cached = await feed("&q=industrial");
    expect(cached.cacheStatus).toBe("lm-feed; hit");
    await s.ctx.db.query("update public.videos set view_count = view_count + 5 where id = $1", [id]);
    // Give a (wrong) invalidation time to arrive before checking that none did.
    await new Promise((r) => setTimeout(r, 300));
    const after = await feed("&q=industrial");
    expect(after.cacheStatus).toBe("lm-feed; hit");
    expect(after.page.items.find((v) => v.id === id)?.viewCount).toBe(0);
  });

  it("does not cache errors", async () => {
    expect((await s.api("GET", "/videos?sort=for_you")).status).toBe(401);
    const bad = await s.api("GET", "/videos?limit=1000");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-status")).toBeNull();
  });
});
