// Db.readAs: one statement under RLS, in one round trip on the server driver. It must see exactly
// what withUser sees (same role, same claims), stay read-only, leave nothing behind on the pooled
// connection, and never run the statement when role and claims could not be set.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../src/db/index.js";
import { readAs, type ReadSettings } from "../src/db/pg-read-as.js";
import { settingsSql } from "../src/db/types.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
let a: Awaited<ReturnType<typeof makeUser>>;
let b: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  s = await startTestServer();
  a = await makeUser(s, { name: "alice" });
  b = await makeUser(s, { name: "bob" });
  for (const [owner, title] of [
    [a.id, "A exam"],
    [b.id, "B exam"],
  ])
    await s.ctx.db.query(
      "insert into public.planner_events (user_id, title, type, start_date) values ($1, $2, 'EXAM', now())",
      [owner, title],
    );
  for (const [title, status] of [
    ["B private", "PRIVATE"],
    ["B public", "PUBLIC"],
  ])
    await s.ctx.db.query(
      "insert into public.videos (title, subject, difficulty, topic, created_by, status) values ($1, 'MATH', 'BEGINNER', 't', $2, $3)",
      [title, b.id, status],
    );
});
afterAll(() => s.stop());

const titles = (rows: Array<{ title: string }>) => rows.map((r) => r.title);

describe("Db.readAs", () => {
  it("sees what withUser sees, as the same role with the same claims", async () => {
    const db = s.ctx.db;
    const who = "select current_user as role, auth.uid() as uid, current_setting('request.jwt.claims') as claims";
    for (const actor of [{ userId: a.id }, null]) {
      expect(await db.readAs(actor, who)).toEqual(await db.withUser(actor, (tx) => tx.query(who)));
    }
    expect(titles(await db.readAs({ userId: a.id }, "select title from public.planner_events"))).toEqual(["A exam"]);
    // anon has no grant on planner events at all: refused by both, not merely filtered.
    await expect(db.readAs(null, "select title from public.planner_events")).rejects.toThrow(/permission denied/);
    await expect(db.withUser(null, (tx) => tx.query("select title from public.planner_events"))).rejects.toThrow(
      /permission denied/,
    );
    expect(titles(await db.readAs(null, "select title from public.videos order by title"))).toEqual(["B public"]);
    const videos = "select title from public.videos where created_by = $1 order by title";
    expect(titles(await db.readAs({ userId: a.id }, videos, [b.id]))).toEqual(["B public"]);
    expect(titles(await db.readAs({ userId: b.id }, videos, [b.id]))).toEqual(["B private", "B public"]);
  });

  it("refuses writes", async () => {
    await expect(
      s.ctx.db.readAs({ userId: a.id }, "update public.planner_events set title = 'changed' where user_id = $1", [
        a.id,
      ]),
    ).rejects.toThrow(/read-only/);
    const [row] = await s.ctx.db.query<{ title: string }>(
      "select title from public.planner_events where user_id = $1",
      [a.id],
    );
    expect(row.title).toBe("A exam");
  });

  it("leaves no role or claims on pooled connections, also after a failed statement", async () => {
    const db = s.ctx.db;
    await expect(db.readAs({ userId: a.id }, "select 1 / 0")).rejects.toThrow(/division by zero/);
    await Promise.all(Array.from({ length: 40 }, (_, i) => db.readAs(i % 2 ? null : { userId: a.id }, "select 1")));
    const after = await Promise.all(
      Array.from({ length: 40 }, () =>
        db.query<{ claims: string | null; role: string }>(
          "select current_user as role, nullif(current_setting('request.jwt.claims', true), '') as claims",
        ),
      ),
    );
    for (const [row] of after) {
      expect(row.claims).toBeNull();
      expect(["anon", "authenticated"]).not.toContain(row.role);
    }
    // Results are not crossed between concurrent reads on different connections.
    const echoed = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.readAs<{ n: number; uid: string | null }>(
          i % 2 ? null : { userId: b.id },
          "select $1::int as n, auth.uid() as uid",
          [i],
        ),
      ),
    );
    expect(echoed.map(([row]) => row)).toEqual(echoed.map((_r, i) => ({ n: i, uid: i % 2 ? null : b.id })));
  });

  it("refuses a subject that is not a UUID before any SQL is sent", async () => {
    const hostile = `${a.id}","role":"service_role`;
    // Thrown or rejected, either way nothing runs.
    await expect((async () => s.ctx.db.readAs({ userId: hostile }, "select 1"))()).rejects.toThrow(/UUID/);
    await expect((async () => s.ctx.db.withUser({ userId: hostile }, (tx) => tx.query("select 1")))()).rejects.toThrow(
      /UUID/,
    );
  });

  it("a hostile claim value is stored verbatim: quotes and backslashes cannot end the literal", async () => {
    const claims = `{"sub":"x'), set_config('role', 'service_role', true); select ('\\\\", "role":"anon"}`;
    const [row] = await s.ctx.db.transaction(
      (tx) =>
        tx.query<{ claims: string; role: string }>(
          "select current_setting('request.jwt.claims') as claims, current_user as role",
        ),
      settingsSql({ role: "anon", claims }),
    );
    expect(row).toEqual({ claims, role: "anon" });
  });
});

/** The server driver's read with PostgreSQL's default plan choice unless `planMode` says otherwise. */
const pipelinedRead = <T = Record<string, unknown>>(
  c: pg.ClientBase,
  role: string,
  claims: string,
  sql: string,
  params: unknown[] = [],
  prepared = true,
  planMode: ReadSettings["planMode"] = "auto",
) => readAs<T>(c, { role, claims, planMode }, sql, params, prepared);

describe.runIf(process.env.DATABASE_URL)("the pipelined read on the server driver", () => {
  const lockHeld = async (c: pg.Client, key: number) =>
    (
      await c.query(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = $1 and pid = pg_backend_pid()",
        [key],
      )
    ).rows[0].n > 0;

  it("never runs the statement when role and claims cannot be set", async () => {
    const c = new pg.Client({ connectionString: s.ctx.config.databaseUrl });
    await c.connect();
    try {
      // A session advisory lock survives its transaction's rollback: proof of whether the statement ran.
      await expect(pipelinedRead(c, "no_such_role", "{}", "select pg_advisory_lock(4242)")).rejects.toThrow(
        /no_such_role/,
      );
      expect(await lockHeld(c, 4242)).toBe(false);
      await pipelinedRead(c, "anon", '{"role":"anon"}', "select pg_advisory_lock(4243)");
      expect(await lockHeld(c, 4243)).toBe(true);
      // Claims are a bound parameter: a hostile value is data, whatever it contains.
      const claims = `{"role":"anon"}', true); select set_config('role', 'service_role`;
      const [row] = await pipelinedRead<{ claims: string; role: string }>(
        c,
        "anon",
        claims,
        "select current_setting('request.jwt.claims') as claims, current_user as role",
      );
      expect(row).toEqual({ claims, role: "anon" });
    } finally {
      await c.end();
    }
  });

  const prepared = async (c: pg.Client) =>
    (await c.query<{ name: string }>("select name from pg_prepared_statements order by name")).rows.map((r) => r.name);

  it("parses each statement once per connection, and only what PostgreSQL confirmed", async () => {
    const c = new pg.Client({ connectionString: s.ctx.config.databaseUrl });
    await c.connect();
    try {
      const sql = "select $1::int + 1 as n, current_user as role";
      for (const i of [1, 2, 3])
        expect(await pipelinedRead(c, "anon", '{"role":"anon"}', sql, [i])).toEqual([{ n: i + 1, role: "anon" }]);
      const names = await prepared(c);
      expect(names).toHaveLength(2);
      expect(names).toContain("lm_read_as_preamble_v2");
      // A statement PostgreSQL refuses to parse is not recorded; one that fails when run stays
      // prepared. Either way the next read on the connection works (no "already exists").
      await expect(pipelinedRead(c, "anon", "{}", "select from_nowhere(")).rejects.toThrow(/syntax/);
      await expect(pipelinedRead(c, "anon", "{}", "select 1 / $1::int as q", [0])).rejects.toThrow(/division/);
      expect(await pipelinedRead(c, "anon", "{}", "select 1 / $1::int as q", [1])).toEqual([{ q: 1 }]);
      expect(await prepared(c)).toHaveLength(3);
      // Switched off (a transaction-mode PgBouncer < 1.21): nothing named is left behind.
      const d = new pg.Client({ connectionString: s.ctx.config.databaseUrl });
      await d.connect();
      try {
        expect(await pipelinedRead(d, "anon", "{}", sql, [5], false)).toEqual([{ n: 6, role: "anon" }]);
        expect(await prepared(d)).toEqual([]);
      } finally {
        await d.end();
      }
    } finally {
      await c.end();
    }
  });

  const plans = async (c: pg.ClientBase, sql: string) =>
    (
      await c.query<{ generic: number; custom: number }>(
        "select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = $1",
        [sql],
      )
    ).rows[0];

  it("runs a prepared read with its generic plan when asked, and leaves the choice to PostgreSQL otherwise", async () => {
    const sql = "select $1::int * 2 as n";
    for (const [planMode, expected] of [
      ["force_generic_plan", { generic: 3, custom: 0 }],
      ["auto", { generic: 0, custom: 3 }],
    ] as const) {
      const c = new pg.Client({ connectionString: s.ctx.config.databaseUrl });
      await c.connect();
      try {
        for (const i of [1, 2, 3])
          expect(await pipelinedRead(c, "anon", "{}", sql, [i], true, planMode)).toEqual([{ n: i * 2 }]);
        expect(await plans(c, sql)).toEqual(expected);
        // The mode is the read's own: the session's default is untouched afterwards.
        expect((await c.query("show plan_cache_mode")).rows[0].plan_cache_mode).toBe("auto");
      } finally {
        await c.end();
      }
    }
  });

  it("Db.readAs passes { genericPlan: true } through to the statement", async () => {
    // One connection, so the statistics read below are the ones the reads made.
    const db = await openDb({ databaseUrl: s.ctx.config.databaseUrl, dataDir: null, poolMax: 1 });
    try {
      const sql = "select $1::int + 40 as n";
      for (const i of [1, 2, 3])
        expect(await db.readAs(null, sql, [i], { genericPlan: true })).toEqual([{ n: i + 40 }]);
      const [row] = await db.query<{ generic: number; custom: number }>(
        "select generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement = $1",
        [sql],
      );
      expect(row).toEqual({ generic: 3, custom: 0 });
    } finally {
      await db.close();
    }
  });

  it("a table changed under a prepared read: the next read still answers", async () => {
    await s.ctx.db.exec(
      "create table public.prep_probe (a int); insert into public.prep_probe values (1); grant select on public.prep_probe to anon",
    );
    try {
      const read = () => s.ctx.db.readAs<Record<string, number>>(null, "select * from public.prep_probe");
      // Every pooled connection has it prepared before the table changes.
      await Promise.all(Array.from({ length: 40 }, read));
      await s.ctx.db.exec("alter table public.prep_probe add column b int default 2");
      for (let i = 0; i < 40; i++) expect(await read()).toEqual([{ a: 1, b: 2 }]);
    } finally {
      await s.ctx.db.exec("drop table public.prep_probe");
    }
  });
});
