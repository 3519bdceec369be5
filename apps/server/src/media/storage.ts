// File storage behind one interface: the disk driver here (embedded mode, `$DATA_DIR/storage`),
// an S3-compatible driver later. Keys are relative paths such as "thumbnails/<videoId>.png".
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
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
  delete(key: string): Promise<void>;
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
  };
}
