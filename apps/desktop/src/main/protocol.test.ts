// app:// serves the web build from a real folder on disk; traversal in any spelling is refused.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { appScheme, resolveAppPath, serveAppRequest } from "./protocol.js";

const CSP = "default-src 'none'; script-src 'self'";
let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(path.join(tmpdir(), "lm-protocol-"));
  root = path.join(base, "web");
  outside = path.join(base, "secret.txt");
  mkdirSync(path.join(root, "assets"), { recursive: true });
  writeFileSync(path.join(root, "index.html"), "<!doctype html><title>index</title>");
  writeFileSync(path.join(root, "assets", "app.js"), "console.log('app')");
  writeFileSync(path.join(root, "assets", "app.css"), "body{}");
  writeFileSync(outside, "top secret");
  symlinkSync(outside, path.join(root, "assets", "link.txt"));
});

const NAVIGATION = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document" };
const get = (url: string, method = "GET", headers: Record<string, string> = NAVIGATION) =>
  serveAppRequest(root, { url, method, headers: new Headers(headers) }, CSP);

describe("app:// scheme", () => {
  it("is registered as standard, secure, fetch-capable and CORS-enabled", () => {
    expect(appScheme).toEqual({
      scheme: "app",
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    });
  });

  it("serves files with their content type, nosniff and the CSP", async () => {
    const res = await get("app://little-monster/assets/app.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe("console.log('app')");
  });

  it("serves index.html for / and for client-side routes", async () => {
    for (const url of ["app://little-monster/", "app://little-monster/planner", "app://little-monster/videos/abc"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain("<title>index</title>");
    }
  });

  it("answers 404 for a missing asset instead of index.html", async () => {
    expect((await get("app://little-monster/assets/missing.js")).status).toBe(404);
  });

  it("answers 404, not index.html, to fetch() calls for unknown paths (an API call sent to app://)", async () => {
    const res = await get("app://little-monster/api/v1/videos", "GET", { accept: "*/*", "sec-fetch-dest": "empty" });
    expect(res.status).toBe(404);
    expect((await get("app://little-monster/api/v1/videos", "GET", { accept: "application/json" })).status).toBe(404);
    expect((await get("app://little-monster/planner", "GET", { accept: "text/html" })).status).toBe(200);
    expect((await get("app://little-monster/planner", "GET", {})).status).toBe(200); // no headers: a navigation
  });

  it.each([
    "app://little-monster/..%2Fsecret.txt",
    "app://little-monster/%2e%2e/secret.txt",
    "app://little-monster/assets/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "app://little-monster/..%5Csecret.txt",
    "app://little-monster/%00index.html",
    "app://little-monster/%E0%A4%A", // malformed escape
  ])("refuses traversal %s", async (url) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain("top secret");
  });

  it("refuses a symlink that leads outside the build", async () => {
    const res = await get("app://little-monster/assets/link.txt");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("top secret");
  });

  it("refuses other hosts and methods", async () => {
    expect((await get("app://evil/index.html")).status).toBe(404);
    expect((await get("app://little-monster/", "POST")).status).toBe(405);
  });

  it("answers HEAD without a body", async () => {
    const res = await get("app://little-monster/assets/app.css", "HEAD");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("resolveAppPath keeps resolved files inside the root", () => {
    const r = resolveAppPath(root, "app://little-monster/a/./b/../c.js");
    expect(r).toEqual({ kind: "refused", status: 400 });
    expect(resolveAppPath(root, "app://little-monster/a/c.js")).toEqual({
      kind: "file",
      file: path.join(root, "a/c.js"),
    });
  });
});
