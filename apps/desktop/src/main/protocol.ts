// The app:// scheme: privileges to register before `ready`, and the handler that serves the web
// build from disk. Paths are resolved inside the build folder; anything escaping it is refused.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { CustomScheme } from "electron";
import { APP_HOST, APP_SCHEME } from "./security.js";

export const appScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} satisfies CustomScheme;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
  ".wasm": "application/wasm",
};

export type Resolved = { kind: "file"; file: string } | { kind: "refused"; status: 400 | 404 };

/**
 * Maps app://little-monster/<path> to a file under `root`. Decodes percent-escapes once and
 * refuses `..` segments, backslashes, NUL and anything resolving outside `root`.
 */
export function resolveAppPath(root: string, requestUrl: string): Resolved {
  const match = /^app:\/\/([^/?#]+)(\/[^?#]*)?(?:[?#].*)?$/.exec(requestUrl);
  if (!match || match[1] !== APP_HOST) return { kind: "refused", status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(match[2] ?? "/");
  } catch {
    return { kind: "refused", status: 400 };
  }
  if (/[\\\0]/.test(pathname) || pathname.split("/").some((part) => part === "..")) {
    return { kind: "refused", status: 400 };
  }
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  if (file !== base && !file.startsWith(base + path.sep)) return { kind: "refused", status: 400 };
  return { kind: "file", file: pathname.endsWith("/") ? path.join(file, "index.html") : file };
}

async function isFileInside(root: string, file: string): Promise<boolean> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    // A symlink inside the build must not lead outside it either.
    return realFile.startsWith(realRoot + path.sep) && (await stat(realFile)).isFile();
  } catch {
    return false;
  }
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/**
 * A page navigation (a reload on /planner) as opposed to fetch()/XHR, which always sends an
 * Accept header. With no header to go by, assume a navigation: a reload must never 404.
 */
function isNavigation(request: Pick<Request, "headers">): boolean {
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "document";
  const accept = request.headers.get("accept");
  return accept === null || accept.includes("text/html");
}

/**
 * Serves one request. A navigation to an unknown extension-less path gets index.html, so
 * client-side routes (/planner, /videos/<id>) survive a reload; anything else missing is a 404
 * (an API call sent here by mistake must not get HTML with status 200).
 */
export async function serveAppRequest(
  root: string,
  request: Pick<Request, "url" | "method" | "headers">,
  csp: string,
): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response("method not allowed", { status: 405, headers: securityHeaders(csp) });
  }
  const resolved = resolveAppPath(root, request.url);
  if (resolved.kind === "refused") {
    return new Response("refused", { status: resolved.status, headers: securityHeaders(csp) });
  }
  let file = resolved.file;
  if (!(await isFileInside(root, file))) {
    if (path.extname(file) !== "" || !isNavigation(request)) {
      return new Response("not found", { status: 404, headers: securityHeaders(csp) });
    }
    file = path.join(root, "index.html");
    if (!(await isFileInside(root, file))) {
      return new Response("web build missing", { status: 404, headers: securityHeaders(csp) });
    }
  }
  const body = request.method === "HEAD" ? null : await readFile(file);
  const type = MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  return new Response(body, { status: 200, headers: { ...securityHeaders(csp), "Content-Type": type } });
}
