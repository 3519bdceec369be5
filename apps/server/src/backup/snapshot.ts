// Making a backup: the database (PGlite's own consistent copy of its files, or pg_dump's snapshot
// of the server), then the stored files, then a manifest with every file's checksum. A backup is a
// directory `lm-backup-<UTC time>` that appears only when complete (written as *.partial, renamed).
//
// Order matters: the database first, files second. A file written after the dump is harmless (an
// orphan); a lesson deleted between the two steps loses its thumbnail in this backup only.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.js";
import type { Db } from "../db/index.js";
import { copyTree, listFiles, runTool, splitPassword } from "./files.js";

export const BACKUP_PATTERN = /^lm-backup-\d{8}T\d{9}Z-[0-9a-f]{4}$/;
export const MANIFEST_FORMAT = 1;

export interface Manifest {
  format: number;
  driver: "pglite" | "pg";
  createdAt: string;
  migrations: string[];
  database: string;
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

export interface BackupSource {
  config: Pick<Config, "dataDir" | "databaseUrl">;
  /** The open database (PGlite must be dumped by the process that holds it). */
  db: Db;
}

function backupName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `lm-backup-${stamp}-${randomBytes(2).toString("hex")}`;
}

/** Writes one complete backup into `outDir`; returns its directory. */
export async function createBackup(source: BackupSource, outDir: string): Promise<string> {
  const name = backupName();
  const partial = join(outDir, `${name}.partial`);
  await mkdir(partial, { recursive: true });
  try {
    const migrations = (
      await source.db.query<{ name: string }>("select name from public.schema_migrations order by name")
    ).map((r) => r.name);
    let database: string;
    if (source.db.driver === "pg") {
      if (!source.config.databaseUrl) throw new Error("the server driver needs DATABASE_URL");
      database = "database.dump";
      const { url, env } = splitPassword(source.config.databaseUrl);
      // -Fc: compressed, restorable table by table; pg_dump reads one consistent snapshot.
      await runTool("pg_dump", ["-Fc", "--no-owner", `--file=${join(partial, database)}`, `--dbname=${url}`], env);
    } else {
      if (!source.db.dumpDataDir) throw new Error("this database cannot be dumped");
      database = "database.tar.gz";
      const blob = await source.db.dumpDataDir();
      await writeFile(join(partial, database), Buffer.from(await blob.arrayBuffer()));
    }
    const dataDir = source.config.dataDir;
    if (dataDir) {
      await copyTree(join(dataDir, "storage"), join(partial, "storage"));
      // The embedded signing key: restored with the data, signed-in students stay signed in.
      if (existsSync(join(dataDir, "jwt-secret")))
        await copyFile(join(dataDir, "jwt-secret"), join(partial, "jwt-secret"));
    }
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      driver: source.db.driver,
      createdAt: new Date().toISOString(),
      migrations,
      database,
      files: await listFiles(partial),
    };
    await writeFile(join(partial, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const done = join(outDir, name);
    await rename(partial, done);
    return done;
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}

/** Complete backups in `dir`, newest first. */
export async function listBackups(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir))
    .filter((n) => BACKUP_PATTERN.test(n))
    .sort()
    .reverse();
}

/** Keeps the newest `keep` backups in `dir`, deletes the rest; returns what it deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep);
  for (const name of old) await rm(join(dir, name), { recursive: true, force: true });
  return old;
}
