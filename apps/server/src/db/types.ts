// One database interface for both drivers (PGlite embedded, node-postgres server).
export type Row = Record<string, unknown>;

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations, scripts); returns the last one's rows. */
  exec(sql: string): Promise<Row[]>;
}

/** Who a transaction acts as; RLS policies see `auth.uid()` = userId. */
export type Actor = { userId: string } | null;

export interface Db extends Queryable {
  readonly driver: "pglite" | "pg";
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** One transaction as `authenticated` (or `anon` when actor is null) with that user's claims. */
  withUser<T>(actor: Actor, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** One transaction as `service_role` (the worker, trusted server code). */
  asService<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function one<T = Row>(q: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

/** Sets role and claims for the rest of the transaction in one round trip (as PostgREST does). */
export async function actAs(tx: Queryable, role: "anon" | "authenticated" | "service_role", sub?: string) {
  const claims = JSON.stringify(sub ? { sub, role } : { role });
  await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, claims]);
}

export function withUserVia(db: Pick<Db, "transaction">) {
  return <T>(actor: Actor, fn: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await actAs(tx, actor ? "authenticated" : "anon", actor?.userId);
      return fn(tx);
    });
}

export function asServiceVia(db: Pick<Db, "transaction">) {
  return <T>(fn: (tx: Queryable) => Promise<T>) =>
    db.transaction(async (tx) => {
      await actAs(tx, "service_role");
      return fn(tx);
    });
}
