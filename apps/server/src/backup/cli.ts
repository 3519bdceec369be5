// npm run backup [-- --out DIR]      a backup of the configured database and files (prints its path)
// npm run restore -- BACKUP_DIR      restore into an empty DATA_DIR (and an empty DATABASE_URL)
// Configuration comes from the same environment as `npm start` (DATA_DIR, DATABASE_URL, BACKUP_DIR).
import { resolve } from "node:path";
import { ConfigError, loadConfig } from "../config.js";
import { openDb } from "../db/index.js";
import { findRunningApp, requestBackup } from "./control.js";
import { RestoreError, restoreBackup } from "./restore.js";
import { createBackup } from "./snapshot.js";

async function backup(out: string | undefined) {
  const config = loadConfig();
  const dir = resolve(out ?? config.backup.dir);
  if (!config.databaseUrl) {
    // The embedded database belongs to the app while it runs: ask it for the copy.
    const running = findRunningApp(config.dataDir);
    if (running) return requestBackup(running, dir);
  }
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await createBackup({ config, db }, dir);
  } finally {
    await db.close();
  }
}

async function restore(from: string | undefined) {
  if (!from) throw new RestoreError("usage: npm run restore -- <backup directory>");
  const config = loadConfig();
  if (!config.databaseUrl && findRunningApp(config.dataDir))
    throw new RestoreError("the app is running on this DATA_DIR: stop it first");
  const manifest = await restoreBackup(resolve(from), { dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  return `restored the backup of ${manifest.createdAt} (${manifest.files.length} files) into ${config.databaseUrl ? "DATABASE_URL" : resolve(config.dataDir)}`;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (command === "backup") console.log(await backup(flag("--out")));
  else if (command === "restore") console.log(await restore(args.find((a) => !a.startsWith("--"))));
  else throw new RestoreError("usage: cli.ts backup [--out DIR] | restore <backup directory>");
}

main().catch((err) => {
  console.error(
    err instanceof ConfigError || err instanceof RestoreError
      ? err.message
      : `failed: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
});
