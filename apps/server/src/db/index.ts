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
  /** Named statements, parsed once per connection (off behind a transaction-mode PgBouncer < 1.21). */
  preparedStatements?: boolean;
  /** Connections in the server driver's pool (20 unless set). */
  poolMax?: number;
}): Promise<Db> {
  if (opts.databaseUrl)
    return openPg(opts.databaseUrl, {
      log: opts.log,
      listenUrl: opts.listenUrl,
      preparedStatements: opts.preparedStatements,
      max: opts.poolMax,
    });
  return openPglite(opts.dataDir ? join(opts.dataDir, "pg") : null);
}
export * from "./types.js";
export { migrate } from "./migrate.js";
