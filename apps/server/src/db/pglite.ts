// PGlite driver: real PostgreSQL in WASM, one connection, so every call is serialised here.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";
import { asServiceVia, type Db, type Queryable, readAsVia, withUserVia } from "./types.js";

/** A FIFO lock: PGlite would otherwise let a plain query slip into another caller's open transaction. */
class Lock {
  private tail = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

const parsers = {
  [types.NUMERIC]: (v: string) => Number.parseFloat(v),
  [types.INT8]: (v: string) => Number(v),
};

// A snapshot (dumpDataDir's tar.gz) that an in-memory database starts from instead of running
// initdb, which is most of PGlite's 2-3 s start. The test suite makes one per run with every
// migration applied (apps/server/test/global-setup.ts); nothing else sets it.
let template: Blob | null | undefined;
function memoryTemplate(): Blob | null {
  if (template === undefined) {
    const path = process.env.LM_PGLITE_TEMPLATE;
    template = path && existsSync(path) ? new Blob([readFileSync(path)]) : null;
  }
  return template;
}

export async function openPglite(dataDir: string | null): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const loadDataDir = dataDir ? null : memoryTemplate();
  const pg = new PGlite(dataDir ?? "memory://", { parsers, ...(loadDataDir && { loadDataDir }) });
  await pg.waitReady;
  const lock = new Lock();

  const direct: Queryable = {
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params)).rows,
    exec: async (sql: string) => (await pg.exec(sql)).at(-1)?.rows ?? [],
  };

  const db: Db = {
    driver: "pglite",
    query: (sql, params) => lock.run(() => direct.query(sql, params)),
    exec: (sql) => lock.run(() => direct.exec(sql)),
    transaction: (fn, preamble) =>
      lock.run(() =>
        pg.transaction(async (tx) => {
          if (preamble) await tx.exec(preamble);
          return fn({
            query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
            exec: async (sql: string) => (await tx.exec(sql)).at(-1)?.rows ?? [],
          });
        }),
      ),
    withUser: (actor, fn) => withUserVia(db)(actor, fn),
    readAs: (actor, sql, params) => readAsVia(db)(actor, sql, params),
    asService: (fn) => asServiceVia(db)(fn),
    listen: async (channel, onPayload) => {
      const unsubscribe = await pg.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    // Taken between two statements (the lock), so no transaction is half in the copy.
    dumpDataDir: () => lock.run(() => pg.dumpDataDir("gzip")),
    // In-process: notifications cannot be lost in transit.
    listening: () => true,
    // PGlite hands notifications to listeners before the notifying statement's promise settles.
    caughtUp: async () => true,
    close: () => lock.run(() => pg.close()),
  };
  return db;
}
