// The built app shell (index.html) and Vite's manifest, held in memory and re-read when a rebuild
// replaces them: a server left running across `npm run build -w apps/web` would otherwise keep
// sending HTML that names hashed assets the build has just deleted. A request costs no disk read;
// at most once per interval it costs two stat calls, and a changed build is read once.
import { readFileSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { chunksOf } from "./vite-manifest.js";

export interface Shell {
  html: string;
  /** The chunk files a lazy page needs beyond the entry's (see vite-manifest.ts). */
  chunks: (page: string) => string[];
}

interface Loaded extends Shell {
  version: string;
}

const versionOf = (s: { mtimeMs: number; size: number } | null) => (s ? `${s.mtimeMs}:${s.size}` : "-");

export function shellFile(
  dist: string,
  { checkEveryMs = 1000, now = Date.now }: { checkEveryMs?: number; now?: () => number } = {},
): () => Promise<Shell> {
  const index = join(dist, "index.html");
  const manifest = join(dist, ".vite", "manifest.json");
  const statOrNull = (path: string) => stat(path).catch(() => null);

  const syncVersion = () =>
    `${versionOf(statSync(index))}|${versionOf(statSync(manifest, { throwIfNoEntry: false }) ?? null)}`;
  let current: Loaded = { version: syncVersion(), html: readFileSync(index, "utf8"), chunks: chunksOf(dist) };
  let checkedAt = now();
  let checking: Promise<void> | null = null;

  async function check() {
    const [html, man] = await Promise.all([stat(index), statOrNull(manifest)]);
    const version = `${versionOf(html)}|${versionOf(man)}`;
    if (version === current.version) return;
    // Vite writes index.html and the manifest one after the other, and not atomically: a read
    // mid-build may see one new and one old, or half a file. Either changes again when the build
    // ends, so the next check reads the finished pair; a file that cannot be read keeps the old one.
    current = { version, html: await readFile(index, "utf8"), chunks: chunksOf(dist) };
  }

  return async () => {
    if (!checking && now() - checkedAt >= checkEveryMs) {
      checkedAt = now();
      checking = check()
        .catch(() => undefined) // index.html gone mid-build: serve the last shell until it is back
        .finally(() => {
          checking = null;
        });
    }
    // Requests that arrive while a check runs wait for it, so none gets a shell older than theirs.
    if (checking) await checking;
    return current;
  };
}
