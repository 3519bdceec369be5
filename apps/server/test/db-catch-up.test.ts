// Db.caughtUp is what lets a cache answer "nothing was revoked a moment ago": once it resolves
// true, every notification committed before the call has reached its subscriber. On PostgreSQL the
// NOTIFY travels to another connection, so without the round trip the subscriber often hears of it
// only after the caller has moved on; PGlite delivers it before the statement's promise settles.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../src/db/index.js";

const databaseUrl = process.env.DATABASE_URL;

describe(`Db.caughtUp (${databaseUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let db: Db;
  const channel = `lm_test_${randomBytes(4).toString("hex")}`;
  const heard: string[] = [];

  beforeAll(async () => {
    db = await openDb({ databaseUrl, dataDir: null });
    await db.listen(channel, (payload) => heard.push(payload));
  });
  afterAll(() => db?.close());

  it("resolves only after every notification committed before it was delivered", async () => {
    for (let i = 0; i < 50; i++) {
      // Sent through the pool, committed before caughtUp is called, as a logout on another instance.
      await db.query("select pg_notify($1, $2)", [channel, `n${i}`]);
      expect(await db.caughtUp()).toBe(true);
      expect(heard.at(-1), `notification ${i}`).toBe(`n${i}`);
    }
  });

  it("lets concurrent callers share round trips (one on the wire, one queued behind it)", async () => {
    const calls = Array.from({ length: 100 }, () => db.caughtUp());
    expect(await Promise.all(calls)).toEqual(calls.map(() => true));
    if (databaseUrl) expect(new Set(calls).size).toBeLessThanOrEqual(2);
  });
});
