// Notifications inbox over HTTP: cursor pages newest first, mark read, read-all, privacy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyOnce } from "../src/notifications/service.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;
// One transaction each, a few milliseconds apart, so every notification has its own created_at
// (PGlite's clock has millisecond resolution; equal timestamps fall back to id order).
async function seed(u: User, n: number) {
  for (let i = 0; i < n; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 3));
    await s.ctx.db.asService((tx) =>
      notifyOnce(tx, {
        userId: u.id,
        kind: "test",
        title: `N${i}`,
        body: "",
        data: { i },
        dedupeKey: `test:${u.id}:${i}`,
      }),
    );
  }
}

describe("notifications", () => {
  it("needs a token", async () => {
    expect((await s.api("GET", "/notifications")).status).toBe(401);
    expect((await s.api("POST", "/notifications/read-all", { body: {} })).status).toBe(401);
  });

  it("pages newest first with no gaps or duplicates, even while new ones arrive", async () => {
    const a = await makeUser(s);
    await seed(a, 7);
    const first = await s.api("GET", "/notifications?limit=3", { token: a.token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { title: string }) => n.title)).toEqual(["N6", "N5", "N4"]);
    expect(first.body.items[0]).toMatchObject({ kind: "test", body: "", data: { i: 6 }, readAt: null });
    expect(typeof first.body.nextCursor).toBe("string");
    // Arrives between pages: it belongs to the top, not to a later page.
    await s.ctx.db.asService((tx) =>
      notifyOnce(tx, { userId: a.id, kind: "test", title: "late", body: "", data: {}, dedupeKey: null }),
    );
    const seen: string[] = first.body.items.map((n: { title: string }) => n.title);
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const page = await s.api("GET", `/notifications?limit=3&cursor=${encodeURIComponent(cursor)}`, {
        token: a.token,
      });
      seen.push(...page.body.items.map((n: { title: string }) => n.title));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(["N6", "N5", "N4", "N3", "N2", "N1", "N0"]);
  });

  it("pages through notifications created in the same instant without losing or repeating any", async () => {
    const a = await makeUser(s);
    await s.ctx.db.asService(async (tx) => {
      for (let i = 0; i < 7; i++) {
        await notifyOnce(tx, { userId: a.id, kind: "test", title: `T${i}`, body: "", data: {}, dedupeKey: null });
      }
    });
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await s.api("GET", `/notifications?limit=2${q}`, { token: a.token });
      seen.push(...page.body.items.map((n: { title: string }) => n.title));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["cursor=not-a-cursor", "cursor"],
    [`cursor=${Buffer.from('["x","y"]').toString("base64url")}`, "cursor"],
  ])("refuses %s with a 400", async (q, path) => {
    const a = await makeUser(s);
    const res = await s.api("GET", `/notifications?${q}`, { token: a.token });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe(path);
  });

  it("marks one read (204), another user's is 404 and stays unread; read-all marks the rest", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    await seed(a, 3);
    await seed(b, 1);
    const mine = (await s.api("GET", "/notifications", { token: a.token })).body.items;
    const theirs = (await s.api("GET", "/notifications", { token: b.token })).body.items;
    expect((await s.api("POST", `/notifications/${mine[0].id}/read`, { token: a.token, body: {} })).status).toBe(204);
    expect((await s.api("POST", `/notifications/${theirs[0].id}/read`, { token: a.token, body: {} })).status).toBe(404);
    expect(
      (await s.api("POST", "/notifications/00000000-0000-4000-8000-000000000000/read", { token: a.token, body: {} }))
        .status,
    ).toBe(404);
    const after = (await s.api("GET", "/notifications", { token: a.token })).body.items;
    expect(after.map((n: { readAt: string | null }) => n.readAt !== null)).toEqual([true, false, false]);
    expect((await s.api("POST", "/notifications/read-all", { token: a.token, body: {} })).status).toBe(204);
    const all = (await s.api("GET", "/notifications", { token: a.token })).body.items;
    expect(all.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    const bAfter = (await s.api("GET", "/notifications", { token: b.token })).body.items;
    expect(bAfter[0].readAt).toBeNull();
  });

  it("counts unread exactly beyond the first page, per user, and follows read and read-all", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const count = async (u: User) => {
      const res = await s.api("GET", "/notifications/unread-count", { token: u.token });
      expect(res.status).toBe(200);
      return res.body.count as number;
    };
    expect(await count(a)).toBe(0);
    // More than a default page (20): the bell must not say "20+".
    await s.ctx.db.asService(async (tx) => {
      for (let i = 0; i < 25; i++)
        await notifyOnce(tx, { userId: a.id, kind: "test", title: `U${i}`, body: "", data: {}, dedupeKey: null });
    });
    await seed(b, 2);
    expect(await count(a)).toBe(25);
    expect(await count(b)).toBe(2);
    const [newest] = (await s.api("GET", "/notifications?limit=1", { token: a.token })).body.items;
    await s.api("POST", `/notifications/${newest.id}/read`, { token: a.token, body: {} });
    expect(await count(a)).toBe(24);
    await s.api("POST", "/notifications/read-all", { token: a.token, body: {} });
    expect(await count(a)).toBe(0);
    expect(await count(b)).toBe(2);
    expect((await s.api("GET", "/notifications/unread-count")).status).toBe(401);
  });

  it("RLS keeps other users' notifications out of a query without a WHERE", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    await seed(b, 2);
    const rows = await s.ctx.db.withUser({ userId: a.id }, (tx) => tx.query("select id from public.notifications"));
    expect(rows).toHaveLength(0);
  });
});
