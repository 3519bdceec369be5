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
import { createRequire } from "node:module";
import pg from "pg";

const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils.js") as {
  prepareValue: (v: unknown) => unknown;
};

const PREAMBLE =
  "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true), " +
  "set_config('transaction_read_only', 'on', true)";

interface Wire {
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
  };
};
const BaseQuery = pg.Query as unknown as QueryInternals;

class ReadAs extends BaseQuery {
  /** True once the preamble's row and CommandComplete went by; only the statement's rows are kept. */
  private preambleDone = false;

  constructor(
    private readonly settings: [role: string, claims: string],
    text: string,
    values: unknown[],
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

  submit(connection: Wire) {
    const same = (v: unknown) => v;
    connection.stream.cork?.();
    try {
      connection.parse({ text: PREAMBLE, name: "" });
      connection.bind({ portal: "", statement: "", values: this.settings });
      connection.execute({ portal: "", rows: 0 });
      connection.parse({ text: this.text, name: "" });
      connection.bind({ portal: "", statement: "", values: this.values, valueMapper: same });
      connection.describe({ type: "P", name: "" });
      connection.execute({ portal: "", rows: 0 });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }
}

/** Runs one read-only statement as `role` with `claims` (JSON text) on a checked-out client. */
export function readAs<T>(
  client: pg.ClientBase,
  role: string,
  claims: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const query = new ReadAs([role, claims], sql, params, (err, res) => {
      if (err) reject(err);
      else resolve((res as pg.QueryResult).rows as T[]);
    });
    client.query(query as unknown as pg.Submittable);
  });
}
