// `npm run backup` while the embedded app runs: PGlite's files belong to the running process, so
// the command asks that process for the backup. The app listens on a loopback port and writes
// $DATA_DIR/control.json (pid, port, a random token; readable by its owner only); nginx never
// routes here and nothing else on the machine can use it without reading the data directory.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { AppContext } from "../context.js";
import { createBackup } from "./snapshot.js";

interface Control {
  pid: number;
  port: number;
  token: string;
}

const controlFile = (dataDir: string) => join(dataDir, "control.json");

export async function startControl(ctx: AppContext, dataDir: string): Promise<void> {
  const token = randomBytes(24).toString("base64url");
  const expected = Buffer.from(`Bearer ${token}`);
  let running: Promise<string> | null = null;
  const server: Server = createServer(async (req, res) => {
    const given = Buffer.from(req.headers.authorization ?? "");
    if (req.method !== "POST" || req.url !== "/backup") return void res.writeHead(404).end();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return void res.writeHead(403).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const { out } = JSON.parse(Buffer.concat(chunks).toString() || "{}") as { out?: string };
    try {
      // One backup at a time; a second request waits for the same one.
      running ??= createBackup(ctx, out ?? ctx.config.backup.dir).finally(() => {
        running = null;
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path: await running }));
    } catch (err) {
      ctx.log.error({ err }, "backup failed");
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(err) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const control: Control = { pid: process.pid, port: (server.address() as AddressInfo).port, token };
  writeFileSync(controlFile(dataDir), JSON.stringify(control), { mode: 0o600 });
  ctx.closers.push(async () => {
    rmSync(controlFile(dataDir), { force: true });
    await new Promise((resolve) => server.close(resolve));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running app's control endpoint for this data directory, or null when no app holds it. */
export function findRunningApp(dataDir: string): Control | null {
  if (!existsSync(controlFile(dataDir))) return null;
  const control = JSON.parse(readFileSync(controlFile(dataDir), "utf8")) as Control;
  return alive(control.pid) ? control : null;
}

/** Asks the running app for a backup into `out`; returns the backup's directory. */
export async function requestBackup(control: Control, out?: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${control.port}/backup`, {
    method: "POST",
    headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
    body: JSON.stringify({ out }),
  });
  const body = (await res.json()) as { path?: string; error?: string };
  if (!res.ok || !body.path) throw new Error(`the running app could not back up: ${body.error ?? res.status}`);
  return body.path;
}
