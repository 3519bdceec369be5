// Serves the web app's production build: hashed assets cached for a year, index.html never cached
// (and, for the feed and a lesson, carrying the page's first data: see shell-data.ts).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express } from "express";
import { notFound } from "../http/errors.js";
import { type ShellData, withShellData } from "./shell-data.js";
import { shellFile } from "./shell-file.js";

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "web", "dist");

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "font-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

type ShellDataSource = (path: string, search: string) => Promise<ShellData | null>;

export function serveWebApp(
  app: Express,
  opts: { dist?: string; shellData?: ShellDataSource; shellCheck?: Parameters<typeof shellFile>[1] } = {},
) {
  const dist = opts.dist ?? WEB_DIST;
  if (!existsSync(join(dist, "index.html"))) {
    app.get("/", (_req, res) => {
      res
        .type("text")
        .send(
          "Little Monster API is running. The web app is not built: run `npm start` (it builds it) or `npm run build -w apps/web`.",
        );
    });
    return;
  }
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", CSP);
    next();
  });
  app.use("/assets", express.static(join(dist, "assets"), { immutable: true, maxAge: "365d", index: false }));
  // A missing asset (an old build's chunk) or a path the static server refuses (an encoded ..) is
  // a plain 404: never the app shell below, never the static server's raw error.
  app.use("/assets", () => {
    throw notFound("Asset");
  });
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, path) => {
        if (path.endsWith("sw.js") || path.endsWith(".webmanifest")) res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  // Client-side routes (/videos/:id, /planner, …) all get the app shell, re-read after a rebuild.
  const shell = shellFile(dist, opts.shellCheck);
  app.get(/^\/(?!api\/|healthz|readyz|metrics).*/, async (req, res, next) => {
    if (!req.accepts("html")) return next();
    const search = req.originalUrl.slice(req.path.length);
    const [{ html, chunks }, data] = await Promise.all([
      shell(),
      opts.shellData ? opts.shellData(req.path, search) : null,
    ]);
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(withShellData(html, data, data?.page ? chunks(data.page) : []));
  });
}
