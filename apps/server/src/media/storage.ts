// File storage behind one interface: the disk driver here (embedded mode, `$DATA_DIR/storage`) and
// the S3-compatible one in storage-s3.ts (STORAGE_URL, shared by every instance). Keys are relative
// paths such as "thumbnails/<videoId>.png"; both drivers pass the same contract test.
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Readable } from "node:stream";

export interface Storage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** Stores a file from local disk without reading it into memory (rendered videos). */
  putFile(key: string, path: string, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Buffer; contentType: string } | null>;
  /** Size and type without the bytes, for Range requests; null when absent. */
  stat(key: string): Promise<{ size: number; contentType: string } | null>;
  /** The bytes [start, end] inclusive (all of them without a range), streamed. */
  stream(key: string, range?: { start: number; end: number }): Readable;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key starting with `prefix` ("" for all), sorted: for backups and clean-ups. */
  list(prefix: string): Promise<string[]>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
    this.name = "InvalidStorageKeyError";
  }
}

/** Rejects anything that could escape the root: "..", absolute paths, backslashes, NUL, empty parts. */
export function assertSafeKey(key: string): void {
  const parts = key.split("/");
  const bad =
    key.length === 0 ||
    key.length > 512 ||
    isAbsolute(key) ||
    key.includes("\\") ||
    key.includes("\0") ||
    parts.some((p) => p === "" || p === "." || p === ".." || p.endsWith(".meta")) ||
    !/^[\w.\-/]+$/.test(key);
  if (bad) throw new InvalidStorageKeyError(key);
}

/** A list prefix: "" or the start of a key (same characters, no "." or ".." parts). */
export function assertSafePrefix(prefix: string): void {
  if (prefix === "") return;
  const parts = prefix.split("/");
  const bad =
    prefix.length > 512 ||
    !/^[\w.\-/]+$/.test(prefix) ||
    prefix.startsWith("/") ||
    parts.some((p, i) => p === "." || p === ".." || (p === "" && i < parts.length - 1));
  if (bad) throw new InvalidStorageKeyError(prefix);
}

/** Files under dir, as "/"-separated paths relative to root (an absent dir is empty). */
async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(root, full, out);
    else if (e.isFile()) out.push(relative(root, full).split(sep).join("/"));
  }
}

export function diskStorage(rootDir: string): Storage {
  const root = resolve(rootDir);
  const pathFor = (key: string): string => {
    assertSafeKey(key);
    const full = resolve(join(root, key));
    // Belt and braces: even a key that passed the checks must resolve inside the root.
    if (!full.startsWith(root + sep)) throw new InvalidStorageKeyError(key);
    return full;
  };
  return {
    async put(key, data, contentType) {
      const file = pathFor(key);
      await mkdir(dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, data);
      await writeFile(`${file}.meta`, JSON.stringify({ contentType }));
      await rename(tmp, file);
    },
    async putFile(key, path, contentType) {
      const file = pathFor(key);
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await copyFile(path, tmp);
      await writeFile(`${file}.meta`, JSON.stringify({ contentType }));
      await rename(tmp, file);
    },
    async stat(key) {
      const file = pathFor(key);
      try {
        const [info, meta] = await Promise.all([
          stat(file),
          readFile(`${file}.meta`, "utf8").catch(() => '{"contentType":"application/octet-stream"}'),
        ]);
        const contentType = (JSON.parse(meta) as { contentType?: string }).contentType ?? "application/octet-stream";
        return { size: info.size, contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    stream(key, range) {
      return createReadStream(pathFor(key), range ? { start: range.start, end: range.end } : {});
    },
    async get(key) {
      const file = pathFor(key);
      try {
        const [data, meta] = await Promise.all([
          readFile(file),
          readFile(`${file}.meta`, "utf8").catch(() => '{"contentType":"application/octet-stream"}'),
        ]);
        const contentType = (JSON.parse(meta) as { contentType?: string }).contentType ?? "application/octet-stream";
        return { data, contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      const file = pathFor(key);
      await rm(file, { force: true });
      await rm(`${file}.meta`, { force: true });
    },
    async exists(key) {
      return (await this.stat(key)) !== null;
    },
    async list(prefix) {
      assertSafePrefix(prefix);
      // Walk only the deepest directory the prefix names; "thumbnails/v" walks thumbnails/.
      const dir = prefix.includes("/") ? join(root, prefix.slice(0, prefix.lastIndexOf("/"))) : root;
      const files: string[] = [];
      await walk(root, dir, files);
      // Sidecar .meta files and a writer's half-written .tmp files are not keys.
      return files.filter((k) => k.startsWith(prefix) && !k.endsWith(".meta") && !k.endsWith(".tmp")).sort();
    },
  };
}
