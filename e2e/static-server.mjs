// A tiny static file server for the mobile app's web export (a single-page app): files from ROOT,
// index.html for any path that is not a file, gzipped for clients that accept it (as nginx serves it
// in production; bench/web/lighthouse.mjs measures the export through this server).
// Usage: node e2e/static-server.mjs <root> <port>
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { createGzip } from "node:zlib";

const root = resolve(process.argv[2] ?? "apps/mobile/dist");
const port = Number(process.argv[3] ?? 8081);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let path = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!path.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) {
    const index = join(path, "index.html");
    path = existsSync(index) ? index : join(root, "index.html");
  }
  const type = TYPES[extname(path)] ?? "application/octet-stream";
  const gzip =
    /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  res.writeHead(200, {
    "Content-Type": type,
    "Cache-Control": "no-store",
    Vary: "Accept-Encoding",
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
  });
  const file = createReadStream(path);
  (gzip ? file.pipe(createGzip({ level: 6 })) : file).pipe(res);
});
server.listen(port, "127.0.0.1", () => console.log(`mobile web export at http://127.0.0.1:${port} (from ${root})`));
for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => server.close(() => process.exit(0)));
