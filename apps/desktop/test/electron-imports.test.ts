// Only the two entry files may load `electron` at runtime; every other module takes the APIs
// it needs as parameters and imports electron for types only, so it runs under plain Node.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../src");
const ALLOWED = new Set(["main/index.ts", "preload/index.ts"]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/**
 * Runtime (non-type) loads of electron, in any form. `import { type A }` counts as runtime too:
 * stricter than needed, and `import type` is the one accepted spelling.
 */
function runtimeElectronImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // import x from "electron" / import { a } from "electron" / import "electron", not `import type`
    /^\s*import\s+(?!type\b)[^;]*?\bfrom\s*["']electron["']/gm,
    /^\s*import\s*["']electron["']/gm,
    /^\s*export\s+(?!type\b)[^;]*?\bfrom\s*["']electron["']/gm,
    /\brequire\s*\(\s*["']electron["']\s*\)/g,
    /\bimport\s*\(\s*["']electron["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[0].trim());
  return found;
}

describe("electron runtime imports", () => {
  const files = tsFiles(src).filter((f) => !f.endsWith(".test.ts"));

  it("the scanner recognises every form of runtime import and ignores type-only ones", () => {
    expect(runtimeElectronImports('import { app } from "electron";')).toHaveLength(1);
    expect(runtimeElectronImports("import electron from 'electron'")).toHaveLength(1);
    expect(runtimeElectronImports('import "electron";')).toHaveLength(1);
    expect(runtimeElectronImports('const { app } = require("electron");')).toHaveLength(1);
    expect(runtimeElectronImports('await import("electron")')).toHaveLength(1);
    expect(runtimeElectronImports('export { app } from "electron";')).toHaveLength(1);
    expect(runtimeElectronImports('import { type App, app } from "electron";')).toHaveLength(1);
    expect(runtimeElectronImports('import type { App } from "electron";')).toEqual([]);
    expect(runtimeElectronImports('import type { App } from "electron-updater";')).toEqual([]);
  });

  it("happen only in main/index.ts and preload/index.ts", () => {
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .map(
        (file) =>
          [
            path.relative(src, file).split(path.sep).join("/"),
            runtimeElectronImports(readFileSync(file, "utf8")),
          ] as const,
      )
      .filter(([rel, hits]) => hits.length > 0 && !ALLOWED.has(rel));
    expect(offenders).toEqual([]);
  });

  it("the entry files really are the ones loading electron", () => {
    for (const rel of ALLOWED)
      expect(runtimeElectronImports(readFileSync(path.join(src, rel), "utf8")), rel).not.toEqual([]);
  });
});

describe("bundles (dist/, built by the global setup)", () => {
  const dist = path.resolve(import.meta.dirname, "../dist");

  it("the preload is one CommonJS file that requires nothing but electron (sandbox rule)", () => {
    const preload = readFileSync(path.join(dist, "preload.cjs"), "utf8");
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required).toEqual(["electron"]);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("littleMonster"');
  });

  it("the main bundle loads only Node built-ins, electron and electron-updater", () => {
    const main = readFileSync(path.join(dist, "main/index.js"), "utf8");
    const specifiers = [...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !s.startsWith("node:") && s !== "electron" && s !== "electron-updater")).toEqual(
      [],
    );
  });
});
