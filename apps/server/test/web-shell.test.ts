// The app shell carries the page's first data (web/shell-data.ts): the feed's first page and a
// public lesson, inlined as a JSON data block with their pictures preloaded, escaped so no title can
// end the block, and nothing for pages whose data is not public.
import type { Server } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shellDataSource } from "../src/web/shell-data.js";
import { serveWebApp } from "../src/web/static.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

const SHELL =
  '<!doctype html><html><head><title>Little Monster</title></head><body><div id="root"></div></body></html>';

describe("the app shell's first data", () => {
  let s: TestServer;
  let shell: Server;
  let base: string;
  let dist: string;
  let author: { id: string };

  const insertVideo = async (title: string, status = "PUBLIC", thumbnail: string | null = null) => {
    const [row] = await s.ctx.db.query<{ id: string }>(
      `insert into public.videos (title, subject, difficulty, topic, created_by, status, key_points, thumbnail_url)
       values ($1, 'BIOLOGY', 'BEGINNER', $1, $2, $3, array['A point'], $4) returning id`,
      [title, author.id, status, thumbnail],
    );
    return row.id;
  };
  const page = async (path: string) => (await fetch(`${base}${path}`, { headers: { accept: "text/html" } })).text();
  const dataOf = (html: string) => {
    const m = /<script type="application\/json" id="lm-shell-data">(.*?)<\/script>/s.exec(html);
    return m ? JSON.parse(m[1]) : null;
  };

  beforeAll(async () => {
    s = await startTestServer();
    author = await makeUser(s);
    dist = mkdtempSync(join(tmpdir(), "lm-shell-"));
    writeFileSync(join(dist, "index.html"), SHELL);
    // As Vite writes it: the entry imports React; the lesson page imports the entry, React and a chunk of its own.
    mkdirSync(join(dist, ".vite"));
    writeFileSync(
      join(dist, ".vite", "manifest.json"),
      JSON.stringify({
        "index.html": { file: "assets/index-1.js", isEntry: true, imports: ["_react-2.js"] },
        "_react-2.js": { file: "assets/react-2.js" },
        "_cards-3.js": { file: "assets/cards-3.js", imports: ["_react-2.js"] },
        "src/pages/VideoPage.tsx": {
          file: "assets/VideoPage-4.js",
          isDynamicEntry: true,
          imports: ["index.html", "_react-2.js", "_cards-3.js"],
        },
      }),
    );
    const app = express();
    serveWebApp(app, { dist, shellData: shellDataSource(s.ctx) });
    shell = await new Promise<Server>((resolve) => {
      const srv = app.listen(0, "127.0.0.1", () => resolve(srv));
    });
    base = `http://127.0.0.1:${(shell.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => shell?.close(r));
    await s?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it("a public lesson's page carries the lesson as an anonymous visitor reads it, and preloads its picture and its code", async () => {
    const id = await insertVideo("Cells and their parts", "PUBLIC", `/api/v1/videos/x/thumbnail.png?v=1&a=<b>`);
    const html = await page(`/videos/${id}`);
    const data = dataOf(html);
    expect(data.key).toBe(`video:${id}`);
    expect(data.body).toEqual((await s.api("GET", `/videos/${id}`)).body);
    expect(html).toContain(
      '<link rel="preload" as="image" href="/api/v1/videos/x/thumbnail.png?v=1&amp;a=&lt;b>" fetchpriority="high">',
    );
    const preloaded = [...html.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloaded).toEqual(["/assets/VideoPage-4.js", "/assets/cards-3.js"]);
  });

  it("escapes a title that tries to end the data block", async () => {
    const title = "</script><script>alert(1)</script>";
    const id = await insertVideo(title);
    const html = await page(`/videos/${id}`);
    expect(html).not.toContain("<script>alert(1)");
    expect(dataOf(html).body.title).toBe(title);
  });

  it("carries nothing for a lesson that is not public, an unknown one, or a malformed id", async () => {
    const draft = await insertVideo("My draft", "PRIVATE");
    for (const path of [
      `/videos/${draft}`,
      "/videos/00000000-0000-4000-8000-000000000000",
      "/videos/nope",
      "/planner",
    ]) {
      const html = await page(path);
      expect(dataOf(html), path).toBeNull();
      expect(html, path).toContain('<div id="root">');
    }
  });

  it("the feed's page carries the default feed's first page, and a filtered feed nothing", async () => {
    const id = await insertVideo("Photosynthesis", "PUBLIC", "/api/v1/videos/p/thumbnail.png?v=2");
    const data = dataOf(await page("/"));
    expect(data.key).toBe("feed");
    expect(data.body.items.map((v: { id: string }) => v.id)).toContain(id);
    expect(data.body).toEqual((await s.api("GET", "/videos?limit=20")).body);
    expect(dataOf(await page("/?subject=MATH"))).toBeNull();
  });
});
