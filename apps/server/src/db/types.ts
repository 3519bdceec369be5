// One database interface for both drivers (PGlite embedded, node-postgres server).
import { escapeLiteral } from "pg";

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
  /**
   * Runs fn in one transaction. `preamble` (parameterless SQL) runs first; the pg driver sends it
   * together with BEGIN, saving a round trip on every request.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, preamble?: string): Promise<T>;
  /** One transaction as `authenticated` (or `anon` when actor is null) with that user's claims. */
  withUser<T>(actor: Actor, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * One read-only statement as the actor, with RLS exactly as in withUser (same role, same claims).
   * The server driver sends role, claims and statement in one round trip (pg-read-as.ts); use it
   * for hot single-statement reads, withUser for anything that needs more than one statement.
   */
  readAs<T = Row>(actor: Actor, sql: string, params?: unknown[], opts?: ReadOptions): Promise<T[]>;
  /** One transaction as `service_role` (the worker, trusted server code). */
  asService<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on a channel; returns the unsubscribe function. `onGap` runs after the
   * listening connection was lost and restored: notifications in between were missed.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    opts?: { onGap?: () => void },
  ): Promise<() => Promise<void>>;
  /** False while the listening connection is down (readiness fails; caches must not be trusted). */
  listening(): boolean;
  /**
   * Resolves true once every notification committed before the call has reached its subscribers
   * (a round trip on the listening connection; concurrent callers share one). False when that
   * cannot be shown: a cache must then not be trusted.
   */
  caughtUp(): Promise<boolean>;
  /** The connection pool's state for metrics (server driver only; PGlite has one connection). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /** A consistent copy of the embedded database's files, gzipped tar (PGlite only). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function one<T = Row>(q: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

type ClientRole = "anon" | "authenticated" | "service_role";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The role and JWT claims (JSON text) a transaction acts with, as PostgREST sets them. */
export function roleAndClaims(role: ClientRole, sub?: string): { role: ClientRole; claims: string } {
  if (sub !== undefined && !UUID.test(sub)) throw new Error("actAs: the subject must be a UUID");
  return { role, claims: JSON.stringify(sub ? { sub, role } : { role }) };
}

export const actorRole = (actor: Actor) => roleAndClaims(actor ? "authenticated" : "anon", actor?.userId);

/**
 * SQL that sets role and claims for the rest of the transaction. Built as text so it can travel
 * with BEGIN; the values are escaped literals (and the subject a checked UUID), so no claim can
 * end the string and add SQL of its own.
 */
export function actAsSql(role: ClientRole, sub?: string): string {
  return settingsSql(roleAndClaims(role, sub));
}

export function settingsSql({ role, claims }: { role: string; claims: string }): string {
  return `select set_config('role', ${escapeLiteral(role)}, true), set_config('request.jwt.claims', ${escapeLiteral(claims)}, true)`;
}

/** Switches role and claims inside an open transaction (e.g. back after a step as the owner). */
export async function actAs(tx: Queryable, role: ClientRole, sub?: string) {
  await tx.exec(actAsSql(role, sub));
}

/**
 * Runs fn as service_role inside a transaction acting as `userId`, then acts as the user again: for
 * a write the user may not make directly (e.g. storing the server's moderation verdict) after the
 * checks ran as the user in the same transaction. On an error the transaction is aborted anyway.
 */
export async function asServiceWithin<T>(tx: Queryable, userId: string, fn: () => Promise<T>): Promise<T> {
  await actAs(tx, "service_role");
  const result = await fn();
  await actAs(tx, "authenticated", userId);
  return result;
}

export function withUserVia(db: Pick<Db, "transaction">) {
  return <T>(actor: Actor, fn: (tx: Queryable) => Promise<T>) =>
    db.transaction(fn, actAsSql(actor ? "authenticated" : "anon", actor?.userId));
}

export interface ReadOptions {
  /**
   * Run the prepared statement with its generic plan (plan_cache_mode = force_generic_plan). For a
   * statement whose best plan does not depend on its parameters; PostgreSQL's own choice can keep
   * planning it afresh on every execution (see videos/feed.ts). Ignored where nothing is prepared.
   */
  genericPlan?: boolean;
}

/**
 * A Queryable whose every query is its own read-only transaction as the actor (Db.readAs), for code
 * that reads with exactly one statement (two queries through it would not share a snapshot).
 */
export function readerAs(db: Pick<Db, "readAs">, actor: Actor, opts?: ReadOptions): Queryable {
  return {
    query: (sql, params) => db.readAs(actor, sql, params, opts),
    exec: (sql) => db.readAs(actor, sql, undefined, opts),
  };
}

/** readAs over a driver's transaction: role and claims first, then read-only, then the statement. */
export function readAsVia(db: Pick<Db, "transaction">) {
  return <T>(actor: Actor, sql: string, params?: unknown[]) =>
    db.transaction((tx) => tx.query<T>(sql, params), `set transaction read only; ${settingsSql(actorRole(actor))}`);
}

export function asServiceVia(db: Pick<Db, "transaction">) {
  return <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction(fn, actAsSql("service_role"));
}
