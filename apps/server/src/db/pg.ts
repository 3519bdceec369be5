// node-postgres driver for a PostgreSQL server (PostgreSQL 15+, Supabase included).
import pg from "pg";
import { asServiceVia, type Db, type Queryable, withUserVia } from "./types.js";

// numeric and bigint arrive as strings by default; the app wants numbers (counts, averages).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPg(url: string, opts: { max?: number } = {}): Promise<Db> {
  const max = opts.max ?? 20;
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  await pool.query("select 1");

  const over = (client: pg.PoolClient | pg.Pool): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      // A multi-statement query answers with one result per statement.
      const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
    },
  });
  const listeners: pg.Client[] = [];

  const db: Db = {
    driver: "pg",
    ...over(pool),
    transaction: async (fn, preamble) => {
      const client = await pool.connect();
      try {
        await client.query(preamble ? `BEGIN; ${preamble}` : "BEGIN");
        const result = await fn(over(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    withUser: (actor, fn) => withUserVia(db)(actor, fn),
    asService: (fn) => asServiceVia(db)(fn),
    listen: async (channel, onPayload) => {
      // LISTEN needs its own long-lived connection, outside the pool.
      const client = new pg.Client({ connectionString: url });
      client.on("error", () => {});
      await client.connect();
      client.on("notification", (msg) => {
        if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => {});
      };
    },
    close: async () => {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
  return db;
}
