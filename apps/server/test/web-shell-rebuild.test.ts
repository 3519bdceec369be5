// A server left running across a rebuild of the web app (`npm run build -w apps/web`) serves the new
// build's shell, not HTML naming hashed assets the build deleted. It notices by the files' stat, at
// most once a second, so the shell is never read from disk per request (web/shell-file.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { serveWebApp } from "../src/web/static.js";

/** What `vite build` leaves in dist: index.html naming its hashed entry, and the manifest. */
function build(dist: string, hash: string) {
  mkdirSync(join(dist, ".vite"), { recursive: true });
  writeFileSync(
    join(dist, "index.html"),
    `<!doctype html><html><head><script type="module" src="/assets/index-${hash}.js"></script></head><body></body></html>`,
  );
  writeFileSync(
    join(dist, ".vite", "manifest.json"),
    JSON.stringify({
      "index.html": { file: `assets/index-${hash}.js`, isEntry: true },
      "src/pages/VideoPage.tsx": { file: `assets/VideoPage-${hash}.js`, isDynamicEntry: true },
    }),
  );
}

describe("the app shell after a rebuild", () => {
  let server: Server | undefined;
  let dist = "";
  afterEach(async () => {
    await new Promise((r) => server?.close(r));
    rmSync(dist, { recursive: true, force: true });
  });

  /** A server on `dist` whose once-a-second check runs on a clock the test moves. */
  async function start() {
    dist = mkdtempSync(join(tmpdir(), "lm-rebuild-"));
    build(dist, "first");
    const clock = { ms: 0 };
    const app = express();
    serveWebApp(app, {
      dist,
      // A lesson page, so the shell also names the page's chunk from the manifest.
      shellData: async (path) =>
        path === "/lesson" ? { key: "x", body: "{}", images: [], page: "src/pages/VideoPage.tsx" } : null,
      shellCheck: { now: () => clock.ms },
    });
    server = await new Promise<Server>((resolve) => {
      const srv = app.listen(0, "127.0.0.1", () => resolve(srv));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = async (path = "/planner") => {
      const res = await fetch(`${base}${path}`, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      return res.text();
    };
    return { clock, page };
  }

  it("within a second the shell is served from memory; after it, the new build's entry and chunks", async () => {
    const { clock, page } = await start();
    expect(await page()).toContain("/assets/index-first.js");

    build(dist, "second-build");
    clock.ms = 999;
    // Not looked at yet: proof the shell is not read per request.
    expect(await page()).toContain("/assets/index-first.js");

    clock.ms = 1000;
    const html = await page();
    expect(html).toContain("/assets/index-second-build.js");
    expect(html).not.toContain("index-first");
    expect(await page("/lesson")).toContain('href="/assets/VideoPage-second-build.js"');
  });

  it("while a build has emptied dist the last shell is served, and the finished build after", async () => {
    const { clock, page } = await start();
    rmSync(join(dist, "index.html"));
    rmSync(join(dist, ".vite"), { recursive: true });
    clock.ms = 1000;
    expect(await page()).toContain("/assets/index-first.js");

    build(dist, "rebuilt");
    clock.ms = 1500;
    expect(await page()).toContain("/assets/index-first.js");
    clock.ms = 2000;
    expect(await page()).toContain("/assets/index-rebuilt.js");
    expect(await page("/lesson")).toContain('href="/assets/VideoPage-rebuilt.js"');
  });
});
