// Row level security proven at the SQL level: queries without any WHERE clause, run as user A.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
let a: Awaited<ReturnType<typeof makeUser>>;
let b: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  s = await startTestServer();
  a = await makeUser(s, { name: "alice" });
  b = await makeUser(s, { name: "bob" });
  const db = s.ctx.db;
  await db.query(
    "insert into public.planner_events (user_id, title, type, start_date) values ($1, 'B exam', 'EXAM', now())",
    [b.id],
  );
  await db.query(
    "insert into public.planner_events (user_id, title, type, start_date) values ($1, 'A exam', 'EXAM', now())",
    [a.id],
  );
  await db.query(
    "insert into public.videos (title, subject, difficulty, topic, created_by, status) values ('B private', 'MATH', 'BEGINNER', 't', $1, 'PRIVATE')",
    [b.id],
  );
  await db.query(
    "insert into public.videos (title, subject, difficulty, topic, created_by, status) values ('B public', 'MATH', 'BEGINNER', 't', $1, 'PUBLIC')",
    [b.id],
  );
  await db.query("insert into public.notifications (user_id, kind, title) values ($1, 'test', 'for B')", [b.id]);
});
afterAll(() => s.stop());

const asA = <T>(fn: Parameters<typeof s.ctx.db.withUser>[1]) => s.ctx.db.withUser({ userId: a.id }, fn) as Promise<T>;

describe("RLS as user A", () => {
  it("sees only A's planner events, with no WHERE clause", async () => {
    const rows = await asA<Array<{ title: string }>>((tx) => tx.query("select title from public.planner_events"));
    expect(rows.map((r) => r.title)).toEqual(["A exam"]);
  });

  it("sees B's public video but not B's private one", async () => {
    const rows = await asA<Array<{ title: string }>>((tx) =>
      tx.query("select title from public.videos order by title"),
    );
    expect(rows.map((r) => r.title)).toEqual(["B public"]);
  });

  it("sees only A's own user row and none of B's notifications", async () => {
    expect(await asA((tx) => tx.query("select id from public.users"))).toEqual([{ id: a.id }]);
    expect(await asA((tx) => tx.query("select * from public.notifications"))).toEqual([]);
  });

  it("cannot write a row owned by B", async () => {
    await expect(
      asA((tx) =>
        tx.query(
          "insert into public.planner_events (user_id, title, type, start_date) values ($1, 'forged', 'EXAM', now())",
          [b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asA((tx) =>
        tx.query(
          "insert into public.videos (title, subject, difficulty, topic, created_by) values ('x', 'MATH', 'BEGINNER', 'x', $1)",
          [b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("an UPDATE or DELETE without WHERE touches none of B's rows", async () => {
    const updated = await asA<unknown[]>((tx) =>
      tx.query("update public.planner_events set title = 'pwned' returning id"),
    );
    expect(updated).toHaveLength(1); // only A's own event
    await asA((tx) => tx.query("delete from public.videos"));
    const left = await s.ctx.db.query<{ title: string }>("select title from public.planner_events where user_id = $1", [
      b.id,
    ]);
    expect(left).toEqual([{ title: "B exam" }]);
    expect(await s.ctx.db.query("select 1 from public.videos where created_by = $1", [b.id])).toHaveLength(2);
  });

  it("cannot raise its own role or verify itself: those columns are not granted", async () => {
    await expect(asA((tx) => tx.query("update public.users set role = 'ADMIN'"))).rejects.toThrow(/permission denied/);
    await expect(asA((tx) => tx.query("update public.users set email_verified = true"))).rejects.toThrow(
      /permission denied/,
    );
  });

  it("cannot read the private auth schema", async () => {
    for (const table of [
      "auth.credentials",
      "auth.sessions",
      "auth.refresh_tokens",
      "auth.email_tokens",
      "auth.idempotency_keys",
    ]) {
      await expect(asA((tx) => tx.query(`select * from ${table}`))).rejects.toThrow(/permission denied/);
    }
  });

  it("anonymous callers see public videos only and no users", async () => {
    const rows = await s.ctx.db.withUser(null, (tx) => tx.query<{ title: string }>("select title from public.videos"));
    expect(rows.map((r) => r.title)).toEqual(["B public"]);
    await expect(s.ctx.db.withUser(null, (tx) => tx.query("select * from public.users"))).rejects.toThrow(
      /permission denied/,
    );
  });

  it("service_role (the worker) sees everything", async () => {
    const rows = await s.ctx.db.asService((tx) => tx.query("select 1 from public.planner_events"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
