// Helpers for the deploy tests: which metric names a PromQL expression reads, the recording rules
// in deploy/prometheus, free loopback ports, and paths into deploy/.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const DEPLOY = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "deploy");

const KEYWORDS = new Set([
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "bool",
  "and",
  "or",
  "unless",
]);

/** Metric names an expression selects (not functions, label names, keywords or durations). */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\boffset\s+\w+/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  return [...bare.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter((m) => !m[2] && !KEYWORDS.has(m[1]))
    .map((m) => m[1]);
}

export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
}

export function loadRules(): Rule[] {
  const dir = join(DEPLOY, "prometheus", "rules");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yml"))
    .flatMap((f) => (parse(readFileSync(join(dir, f), "utf8")) as { groups: Array<{ rules: Rule[] }> }).groups)
    .flatMap((g) => g.rules);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
