// Several databases on one PostgreSQL cluster migrating at the same moment (parallel test workers,
// or a school's staging and production starting together). Roles are cluster-wide, so their
// migrations touched the same catalog rows and one failed with "tuple concurrently updated".
import { describe, expect, it } from "vitest";
import { openDb } from "../src/db/index.js";
import { migrate } from "../src/db/migrate.js";
import { freshPgDatabase } from "./harness.js";

const base = process.env.DATABASE_URL;

// PGlite is one database in one process: there is no cluster to share, so this is server-only.
describe.skipIf(!base)("migrations on one cluster", () => {
  it("six databases migrating at once all end fully migrated", async () => {
    const dbs = await Promise.all(Array.from({ length: 6 }, () => freshPgDatabase(base as string)));
    try {
      const applied = await Promise.all(
        dbs.map(async ({ url }) => {
          const db = await openDb({ databaseUrl: url, dataDir: null });
          try {
            await migrate(db);
            return (await db.query<{ n: number }>("select count(*)::int as n from public.schema_migrations"))[0].n;
          } finally {
            await db.close();
          }
        }),
      );
      expect(new Set(applied).size).toBe(1);
      expect(applied[0]).toBeGreaterThan(10);
    } finally {
      await Promise.all(dbs.map((d) => d.drop()));
    }
  });
});
