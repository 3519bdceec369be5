// A PostgreSQL 15 cluster of the test's own (initdb + pg_ctl as user postgres, in a temp dir, on a
// free loopback port), so fault tests can stop and restart a database without touching the shared one.
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";
const asPostgres = (cmd: string, args: string[]) => run("runuser", ["-u", "postgres", "--", join(BIN, cmd), ...args]);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface PgCluster {
  port: number;
  dataDir: string;
  /** postgres:// URL of a database in this cluster (created by createDatabase). */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m <mode>`: fast disconnects every client, as an operator's restart does. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster if running and removes its files. */
  destroy(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), "lm-pg-"));
  const ids = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout);
  chownSync(dir, await ids("-u"), await ids("-g"));
  const dataDir = join(dir, "data");
  const port = await freePort();
  await asPostgres("initdb", ["-D", dataDir, "--auth=trust", "-U", "postgres", "--no-sync"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctl = (args: string[]) => asPostgres("pg_ctl", ["-D", dataDir, ...args]);
  let running = false;
  const cluster: PgCluster = {
    port,
    dataDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const c = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
      await c.connect();
      await c.query(`create database ${pg.escapeIdentifier(name)}`);
      await c.end();
      return cluster.url(name);
    },
    async stop(mode = "fast") {
      await ctl(["-m", mode, "-w", "stop"]);
      running = false;
    },
    async start() {
      await ctl(["-o", opts, "-l", join(dir, "server.log"), "-w", "start"]);
      running = true;
    },
    async destroy() {
      if (running) await ctl(["-m", "immediate", "-w", "stop"]).catch(() => {});
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
