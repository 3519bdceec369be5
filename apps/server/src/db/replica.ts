// DATABASE_READ_URL: a streaming replica for reads that may be a little behind. Only the anonymous
// feed's cache misses go there (the same page for every visitor, counters already allowed to lag
// by the cache's TTL); everything a user just wrote and reads back stays on the primary.
//
// Lag must never undo an invalidation: a lesson made private clears the feed cache, and a page
// rebuilt from a replica that has not replayed that change would put it back for the whole TTL.
// So each invalidation carries the primary's WAL position after the change (`currentLsn`), and a
// page is built on the replica only once the replica has replayed at least that far; otherwise,
// or when no position is known or the replica is unreachable, on the primary.
import type { Db } from "./types.js";

/** The primary's current WAL position as a byte offset (decimal string), or null on PGlite. */
export async function currentLsn(primary: Db): Promise<string | null> {
  if (primary.driver !== "pg") return null;
  const [row] = await primary.query<{ lsn: string }>("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::text as lsn");
  return row?.lsn ?? null;
}

/** The replica when it has replayed `lsn`, else the primary. */
export async function readerFor(primary: Db, replica: Db | null, lsn: string | null): Promise<Db> {
  if (!replica || !lsn) return primary;
  try {
    const [row] = await replica.query<{ fresh: boolean }>(
      "select coalesce(pg_last_wal_replay_lsn() - '0/0'::pg_lsn >= $1::numeric, false) as fresh",
      [lsn],
    );
    return row?.fresh ? replica : primary;
  } catch {
    return primary; // a replica that is down costs the primary a query, never the reader a page
  }
}
