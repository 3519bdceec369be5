// node-postgres driver for a PostgreSQL server (PostgreSQL 15+, Supabase included).
import pg from "pg";
import { pgListener } from "./pg-listener.js";
import { readAs } from "./pg-read-as.js";
import { actorRole, asServiceVia, type Db, type Queryable, withUserVia } from "./types.js";

// numeric and bigint arrive as strings by default; the app wants numbers (counts, averages).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPg(
  url: string,
  opts: {
    max?: number;
    log?: (msg: string, err?: unknown) => void;
    listenUrl?: string;
    preparedStatements?: boolean;
  } = {},
): Promise<Db> {
  const max = opts.max ?? 20;
  const prepared = opts.preparedStatements ?? true;
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // LISTEN needs a session of its own: through PgBouncer's transaction mode it would be lost
  // between transactions, so a pooled deployment points it at PostgreSQL directly.
  const listener = pgListener(opts.listenUrl ?? url, opts.log);
  await pool.query("select 1");

  const over = (client: pg.PoolClient | pg.Pool): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      // A multi-statement query answers with one result per statement.
      const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
    },
  });
  /**
   * Runs fn on a checked-out client. A connection lost while it is out emits 'error' on the client;
   * without a listener that would crash the process. The statement in flight fails instead, and the
   * broken client is discarded on release rather than handed to the next request.
   */
  const onClient = async <T>(fn: (client: pg.PoolClient, markBroken: (e: Error) => void) => Promise<T>) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken ??= err;
    };
    client.on("error", onError);
    try {
      return await fn(client, onError);
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  };
  const db: Db = {
    driver: "pg",
    ...over(pool),
    transaction: (fn, preamble) =>
      onClient(async (client, markBroken) => {
        try {
          await client.query(preamble ? `BEGIN; ${preamble}` : "BEGIN");
          const result = await fn(over(client));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(markBroken);
          throw err;
        }
      }),
    readAs: (actor, sql, params, readOpts) => {
      const { role, claims } = actorRole(actor);
      const planMode = prepared && readOpts?.genericPlan ? "force_generic_plan" : "auto";
      return onClient((client) => readAs(client, { role, claims, planMode }, sql, params, prepared));
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    withUser: (actor, fn) => withUserVia(db)(actor, fn),
    asService: (fn) => asServiceVia(db)(fn),
    listen: (channel, onPayload, listenOpts) => listener.listen(channel, onPayload, listenOpts),
    listening: () => listener.isUp(),
    caughtUp: () => listener.caughtUp(),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
  return db;
}
