// @vitest-environment node
/// <reference types="node" />
// The production build's first load: what index.html runs and preloads must stay small and free of
// the schema library. One dynamic `import("@lm/core")` once put every schema and zod (94 KB of the
// 174 KB entry chunk) on every page's first load; this build-and-read test catches that again.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const webDir = join(import.meta.dirname, "..");
// Gzipped bytes of the entry chunk and its preloads (React, React Query, the app shell): ~108 KB today.
const FIRST_LOAD_GZIP_BUDGET = 125_000;

describe("the production build's first load", () => {
  let out: string;
  let files: { name: string; code: string }[];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "lm-web-build-"));
    const build = spawnSync("npx", ["vite", "build", "--outDir", out, "--emptyOutDir", "--logLevel", "error"], {
      cwd: webDir,
      encoding: "utf8",
      // Vitest's NODE_ENV=test would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
    const html = readFileSync(join(out, "index.html"), "utf8");
    const names = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    files = names.map((name) => ({ name, code: readFileSync(join(out, name), "utf8") }));
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("loads the entry chunk and its preloads only", () => {
    expect(files.map((f) => f.name.replace(/-[\w-]+\.js$/, ""))).toEqual(
      expect.arrayContaining(["assets/index", "assets/react"]),
    );
  });

  it("carries no schema library: zod loads with the first form or dialog that validates", () => {
    for (const f of files)
      expect({ file: f.name, zod: /\$ZodType|ZodError/.test(f.code) }).toEqual({ file: f.name, zod: false });
  });

  it(`stays under ${FIRST_LOAD_GZIP_BUDGET / 1000} KB gzipped`, () => {
    const total = files.reduce((sum, f) => sum + gzipSync(f.code).length, 0);
    expect(total).toBeLessThan(FIRST_LOAD_GZIP_BUDGET);
  });
});
