// File helpers for backups: copy a directory tree, checksum files, find tools on the PATH.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, readdir, stat } from "node:fs/promises";
import { delimiter, join, relative } from "node:path";

/** Copies every regular file under `from` to `to`, skipping half-written `*.tmp` files. */
export async function copyTree(from: string, to: string): Promise<number> {
  if (!existsSync(from)) return 0;
  let copied = 0;
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    if (entry.isDirectory()) copied += await copyTree(src, join(to, entry.name));
    else if (entry.isFile() && !entry.name.endsWith(".tmp")) {
      await copyFile(src, join(to, entry.name));
      copied++;
    }
  }
  return copied;
}

export async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}

/** Every file under `dir` with its size and checksum, paths relative to `dir`. */
export async function listFiles(
  dir: string,
  base = dir,
): Promise<Array<{ path: string; bytes: number; sha256: string }>> {
  const out: Array<{ path: string; bytes: number; sha256: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else if (entry.isFile() && entry.name !== "manifest.json")
      out.push({ path: relative(base, full), bytes: (await stat(full)).size, sha256: await sha256(full) });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The full path of a program on the PATH, or null. */
export function which(program: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return null;
}

/** Runs a program to completion; rejects with its stderr when it fails. */
export function runTool(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const path = which(program);
  if (!path) return Promise.reject(new Error(`${program} is not on the PATH (install the PostgreSQL client tools)`));
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}: ${stderr.trim().slice(0, 2000)}`)),
    );
  });
}

/** A postgres:// URL without its password, and the password for PGPASSWORD (kept off the command line). */
export function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}
