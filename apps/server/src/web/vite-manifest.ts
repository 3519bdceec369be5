// Vite's build manifest (dist/.vite/manifest.json): which files a source module became and what they
// import, so the shell of a page can preload the page's lazy chunk and its imports at once instead
// of discovering them one round trip at a time after the app's entry has run.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestEntry {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** A function from a source module ("src/pages/VideoPage.tsx") to the chunk files it needs beyond the entry's. */
export function chunksOf(dist: string): (page: string) => string[] {
  const path = join(dist, ".vite", "manifest.json");
  const manifest: Record<string, ManifestEntry> = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : {};
  // The entry and what it imports statically are in index.html already.
  const loaded = new Set<string>();
  const mark = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const i of manifest[key]?.imports ?? []) mark(i);
  };
  for (const [key, entry] of Object.entries(manifest)) if (entry.isEntry) mark(key);

  return (page) => {
    const files: string[] = [];
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || loaded.has(key) || !manifest[key]) return;
      seen.add(key);
      files.push(manifest[key].file);
      for (const i of manifest[key].imports ?? []) visit(i);
    };
    visit(page);
    return files;
  };
}
