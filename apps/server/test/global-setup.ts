// Once per test run on the embedded driver: one PGlite database with every migration applied,
// saved as a snapshot that each test server's in-memory database starts from (LM_PGLITE_TEMPLATE,
// read by db/pglite.ts). PGlite's initdb is ~2 s of every server start; loading the snapshot ~0.7 s.
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../src/db/migrate.js";
import { openPglite } from "../src/db/pglite.js";

export default async function setup() {
  if (process.env.DATABASE_URL) return; // the PostgreSQL pass makes a database per test instead
  const db = await openPglite(null);
  await migrate(db);
  const snapshot = await db.dumpDataDir?.();
  await db.close();
  if (!snapshot) return;
  const path = join(tmpdir(), `lm-pglite-template-${process.pid}.tar.gz`);
  writeFileSync(path, Buffer.from(await snapshot.arrayBuffer()));
  process.env.LM_PGLITE_TEMPLATE = path;
  return () => rmSync(path, { force: true });
}
