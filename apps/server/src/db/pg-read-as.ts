// One read under RLS in one round trip on node-postgres. withUser() costs three (BEGIN with role and
// claims, the statement, COMMIT); on a busy 2-core box each is a context switch to PostgreSQL, and
// they were most of a feed or lesson request's time (bench/efficiency/RESULTS.md).
//
// How: both statements go out in one write as extended-protocol messages followed by a single Sync:
//   Parse/Bind/Execute  select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), …
//   Parse/Bind/Describe/Execute  the statement with its own parameters
//   Sync
// PostgreSQL runs everything up to a Sync as one implicit transaction, so the `is_local` settings
// hold for the statement and end at Sync; the transaction is made read-only too. Claims travel as
// bound parameters, never spliced into SQL text. If the preamble fails, PostgreSQL skips every
// message up to Sync: the statement never runs with the login role's rights.
//
// node-postgres sends one query per ReadyForQuery, so this is a custom query object (like pg-cursor)
// built on pg's own Query, which keeps its row parsing and error handling.
//
// Prepared: both statements are named and parsed once per connection. Parsing and planning were
// most of PostgreSQL's work for a lesson read (pgbench: 0.86 ms of backend CPU unnamed, 0.18 ms
// prepared; bench/efficiency/RESULTS.md). A transaction-mode pooler older than PgBouncer 1.21 moves
// transactions between server connections, so there DATABASE_PREPARED_STATEMENTS=false sends them
// unnamed as before.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";

const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as {
  prepareValue: (v: unknown) => unknown;
};

const PREAMBLE =
  "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), " +
  "set_config('plan_cache_mode', $3, true), set_config('transaction_read_only', 'on', true)";
// PREAMBLE's text changed (a third parameter): a new name, so a connection that prepared the old
// text under the old name is never bound with the wrong number of parameters.
const PREAMBLE_NAME = "lm_read_as_preamble_v2";

/** Who reads, and how PostgreSQL should plan the prepared statement ("auto" is its default). */
export interface ReadSettings {
  role: string;
  /** JSON text of the claims auth.uid() reads. */
  claims: string;
  planMode: "auto" | "force_generic_plan";
}

interface Wire {
  on(event: "parseComplete", fn: () => void): void;
  off(event: "parseComplete", fn: () => void): void;
  stream: { cork?: () => void; uncork?: () => void };
  parse(m: { text: string; name: string; types?: unknown[] }): void;
  bind(m: { portal: string; statement: string; values: unknown[]; valueMapper?: (v: unknown) => unknown }): void;
  describe(m: { type: "P"; name: string }): void;
  execute(m: { portal: string; rows: number }): void;
  sync(): void;
}

// pg's Query as the untyped class it is at runtime: its handlers are not in @types/pg.
type QueryInternals = {
  new (
    config: { text: string; values: unknown[] },
    values?: unknown,
    cb?: (err: Error | null, res: unknown) => void,
  ): {
    text: string;
    values: unknown[];
    handleDataRow(msg: unknown): void;
    handleCommandComplete(msg: unknown, con: unknown): void;
    handleReadyForQuery(con: unknown): void;
  };
};
const BaseQuery = pg.Query as unknown as QueryInternals;

/** Statements known to be parsed on each connection, by name. Gone with the connection. */
const parsedOn = new WeakMap<object, Set<string>>();
/** SQL text is built by code, never from input, so the distinct texts are few; this bounds them anyway. */
const MAX_PREPARED_PER_CONNECTION = 500;
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lm_read_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

class ReadAs extends BaseQuery {
  /** True once the preamble's row and CommandComplete went by; only the statement's rows are kept. */
  private preambleDone = false;

  /** Removes this query's ParseComplete listener once the round trip ends. */
  private stopTracking = () => {};

  constructor(
    private readonly settings: [role: string, claims: string, planMode: string],
    text: string,
    values: unknown[],
    private readonly prepared: boolean,
    callback: (err: Error | null, res: unknown) => void,
  ) {
    // Values are converted now: a value pg cannot serialise throws here, before a byte is written.
    super({ text, values: values.map((v) => prepareValue(v)) }, undefined, callback);
  }

  override handleDataRow(msg: unknown) {
    if (this.preambleDone) super.handleDataRow(msg);
  }

  override handleCommandComplete(msg: unknown, con: unknown) {
    if (this.preambleDone) return super.handleCommandComplete(msg, con);
    this.preambleDone = true;
  }

  override handleReadyForQuery(con: unknown) {
    this.stopTracking();
    return super.handleReadyForQuery(con);
  }

  /**
   * Each text's statement name ("" for unnamed) and whether it must be parsed now. A name is
   * recorded only when PostgreSQL confirms it (ParseComplete arrives in the order sent), so after
   * an error the next query parses again exactly what is missing.
   */
  private plan(connection: Wire, texts: string[]) {
    if (!this.prepared) return texts.map((text) => ({ text, name: "", parse: true }));
    const known = parsedOn.get(connection) ?? new Set<string>();
    parsedOn.set(connection, known);
    // One entry per Parse sent, "" for an unnamed one, matched to ParseComplete messages in order.
    const pending: string[] = [];
    const steps = texts.map((text) => {
      const name = text === PREAMBLE ? PREAMBLE_NAME : statementName(text);
      if (known.has(name)) return { text, name, parse: false };
      const full = known.size + pending.length >= MAX_PREPARED_PER_CONNECTION;
      pending.push(full ? "" : name);
      return { text, name: full ? "" : name, parse: true };
    });
    if (pending.some(Boolean)) {
      const onParsed = () => {
        const name = pending.shift();
        if (name) known.add(name);
      };
      connection.on("parseComplete", onParsed);
      this.stopTracking = () => connection.off("parseComplete", onParsed);
    }
    return steps;
  }

  submit(connection: Wire) {
    const same = (v: unknown) => v;
    connection.stream.cork?.();
    try {
      const [pre, stmt] = this.plan(connection, [PREAMBLE, this.text]);
      if (pre.parse) connection.parse({ text: pre.text, name: pre.name });
      connection.bind({ portal: "", statement: pre.name, values: this.settings });
      connection.execute({ portal: "", rows: 0 });
      if (stmt.parse) connection.parse({ text: stmt.text, name: stmt.name });
      connection.bind({ portal: "", statement: stmt.name, values: this.values, valueMapper: same });
      connection.describe({ type: "P", name: "" });
      connection.execute({ portal: "", rows: 0 });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }
}

/**
 * A prepared statement whose result columns changed since it was parsed (a migration added a column
 * to a `select *`): PostgreSQL refuses to run it until it is parsed again.
 */
const isStalePlan = (err: unknown) =>
  (err as { code?: string }).code === "0A000" && /cached plan must not change result type/.test(String(err));

/** Runs one read-only statement with `settings` (role, claims, plan mode) on a checked-out client. */
export async function readAs<T>(
  client: pg.ClientBase,
  settings: ReadSettings,
  sql: string,
  params: unknown[] = [],
  prepared = true,
): Promise<T[]> {
  try {
    return await send<T>(client, settings, sql, params, prepared);
  } catch (err) {
    if (!prepared || !isStalePlan(err)) throw err;
    // Forget it on both sides, then parse it afresh: once per connection per change.
    const name = statementName(sql);
    parsedOn.get((client as unknown as { connection: object }).connection)?.delete(name);
    await client.query(`deallocate ${name}`);
    return send<T>(client, settings, sql, params, prepared);
  }
}

function send<T>(
  client: pg.ClientBase,
  { role, claims, planMode }: ReadSettings,
  sql: string,
  params: unknown[],
  prepared: boolean,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const query = new ReadAs([role, claims, planMode], sql, params, prepared, (err, res) => {
      if (err) reject(err);
      else resolve((res as pg.QueryResult).rows as T[]);
    });
    client.query(query as unknown as pg.Submittable);
  });
}
