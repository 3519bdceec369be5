// Hashes of the inline <script> blocks the web build ships in index.html, computed at build time
// and added to script-src. Scripts we ship run; any other inline script (an injection) does not,
// so the policy stays free of 'unsafe-inline'.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { HASH_SOURCE } from "./csp.js";

/** CSP source expressions ('sha256-…') for every inline classic or module script in the page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes, body] = match;
    if (/\bsrc\s*=/i.test(attributes) || body === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** Reads the list the build wrote; a missing or malformed file means no inline script is allowed. */
export function readScriptHashes(file: string): string[] {
  try {
    const data: unknown = JSON.parse(readFileSync(file, "utf8"));
    return Array.isArray(data) ? data.filter((h): h is string => typeof h === "string" && HASH_SOURCE.test(h)) : [];
  } catch {
    return [];
  }
}
