// Opens the configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite.
import { join } from "node:path";
import { openPg } from "./pg.js";
import { openPglite } from "./pglite.js";
import type { Db } from "./types.js";

export async function openDb(opts: {
  databaseUrl?: string;
  /** Where LISTEN connects when databaseUrl is a transaction-mode pooler; databaseUrl otherwise. */
  listenUrl?: string;
  dataDir: string | null;
  /** Where connection trouble is reported (the LISTEN connection reconnecting). */
  log?: (msg: string, err?: unknown) => void;
}): Promise<Db> {
  if (opts.databaseUrl) return openPg(opts.databaseUrl, { log: opts.log, listenUrl: opts.listenUrl });
  return openPglite(opts.dataDir ? join(opts.dataDir, "pg") : null);
}
export * from "./types.js";
export { migrate } from "./migrate.js";
