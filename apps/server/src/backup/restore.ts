// Restoring a backup into an empty place: a data directory without a database or files, and for
// the server driver an empty database (create one with `createdb`). Every file is checked against
// the manifest first, so a damaged backup is refused before anything is written.
import { existsSync, readdirSync } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDb } from "../db/index.js";
import { copyTree, listFiles, runTool, splitPassword } from "./files.js";
import { MANIFEST_FORMAT, type Manifest } from "./snapshot.js";

export interface RestoreTarget {
  dataDir: string;
  /** The server driver's (empty) database; without it, the embedded database in dataDir/pg. */
  databaseUrl?: string;
}

export class RestoreError extends Error {}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Reads the manifest and checks every file's size and checksum against it. */
export async function verifyBackup(from: string): Promise<Manifest> {
  const manifestFile = join(from, "manifest.json");
  if (!existsSync(manifestFile)) throw new RestoreError(`${from} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new RestoreError(`unknown backup format ${manifest.format}`);
  const actual = new Map((await listFiles(from)).map((f) => [f.path, f]));
  for (const f of manifest.files) {
    const found = actual.get(f.path);
    if (!found) throw new RestoreError(`the backup is missing ${f.path}`);
    if (found.sha256 !== f.sha256 || found.bytes !== f.bytes) throw new RestoreError(`${f.path} is damaged (checksum)`);
  }
  return manifest;
}

// The cluster-wide roles the dump's grants name (as migration 0001 creates them); a new cluster
// has none of them yet.
const ROLES_SQL = `
DO $$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END $$;
DO $$ BEGIN ALTER ROLE service_role BYPASSRLS; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$;`;

async function restoreServer(from: string, manifest: Manifest, url: string) {
  const db = await openDb({ databaseUrl: url, dataDir: null });
  try {
    const [used] = await db.query<{ found: string | null }>(
      "select to_regclass('public.schema_migrations')::text as found",
    );
    if (used?.found) throw new RestoreError("the target database is not empty: restore into a new one (createdb)");
    await db.exec(ROLES_SQL);
  } finally {
    await db.close();
  }
  const { url: bare, env } = splitPassword(url);
  await runTool(
    "pg_restore",
    ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${bare}`, join(from, manifest.database)],
    env,
  );
}

async function restoreEmbedded(from: string, manifest: Manifest, pgDir: string) {
  const tarball = new Blob([await readFile(join(from, manifest.database))]);
  const pg = new PGlite(pgDir, { loadDataDir: tarball });
  try {
    await pg.waitReady;
    // Opens and reads, so a tarball PostgreSQL cannot start from fails here, not at the next start.
    await pg.query("select count(*) from public.schema_migrations");
  } finally {
    await pg.close();
  }
}

/** Restores `from` into `target`; refuses a target that already holds data. */
export async function restoreBackup(from: string, target: RestoreTarget): Promise<Manifest> {
  const manifest = await verifyBackup(from);
  const wantServer = Boolean(target.databaseUrl);
  if (wantServer !== (manifest.driver === "pg"))
    throw new RestoreError(
      `this backup is of the ${manifest.driver === "pg" ? "PostgreSQL server (set DATABASE_URL)" : "embedded database (unset DATABASE_URL)"}`,
    );
  const pgDir = join(target.dataDir, "pg");
  const storageDir = join(target.dataDir, "storage");
  if (!wantServer && !isEmptyDir(pgDir))
    throw new RestoreError(`${pgDir} is not empty: restore into an empty DATA_DIR`);
  if (!isEmptyDir(storageDir)) throw new RestoreError(`${storageDir} is not empty: restore into an empty DATA_DIR`);

  if (target.databaseUrl) await restoreServer(from, manifest, target.databaseUrl);
  else await restoreEmbedded(from, manifest, pgDir);
  await copyTree(join(from, "storage"), storageDir);
  const secret = join(from, "jwt-secret");
  if (existsSync(secret) && !existsSync(join(target.dataDir, "jwt-secret")))
    await copyFile(secret, join(target.dataDir, "jwt-secret"));
  return manifest;
}
