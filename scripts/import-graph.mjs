#!/usr/bin/env node
// Counts the two boundary measures of issue 14 item 6 over the relative imports of
// apps/server/src (or the folder given as the first argument):
//   - cross-feature imports that reach into another feature's repository.ts instead of
//     going through its service or index;
//   - cross-feature imports of any other file than a feature's index.ts or service.ts (what
//     biome.json's noRestrictedImports refuses from a feature folder);
//   - import cycles (strongly connected components of more than one file, or a file
//     importing itself).
// Usage: node scripts/import-graph.mjs [root]   (prints the counts, then the details)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "apps/server/src");

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

// Type-only imports still count: Biome's noImportCycles follows them too.
const importRe =
  /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ""));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

const files = walk(root);
const graph = new Map();
const crossings = [];
const featureOf = (file) => relative(root, file).split("/")[0];
// Folders below the features (and the files at the root): anyone may import any file of theirs.
// Keep in step with the feature override of noRestrictedImports in biome.json.
const INFRASTRUCTURE = new Set([
  "ai",
  "db",
  "http",
  "jobs",
  "mail",
  "media",
  "migrations",
  "observability",
  "openapi",
  "realtime",
  "web",
]);
const isFeatureFile = (file) => relative(root, file).includes("/") && !INFRASTRUCTURE.has(featureOf(file));
const surface = [];

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const edges = new Set();
  for (const match of text.matchAll(importRe)) {
    const target = resolveImport(file, match[1] ?? match[2]);
    if (!target) continue;
    edges.add(target);
    const isRepository = /(^|\/)repository\.ts$/.test(target);
    if (isRepository && featureOf(target) !== featureOf(file)) {
      crossings.push(`${relative(root, file)} -> ${relative(root, target)}`);
    }
    const isPublic = /^[^/]+\/(index|service)\.ts$/.test(relative(root, target));
    if (isFeatureFile(file) && isFeatureFile(target) && featureOf(target) !== featureOf(file) && !isPublic) {
      surface.push(`${relative(root, file)} -> ${relative(root, target)}`);
    }
  }
  graph.set(file, [...edges]);
}

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function visit(node) {
  info.set(node, { index, low: index, onStack: true });
  index++;
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue;
    if (!info.has(next)) {
      visit(next);
      info.get(node).low = Math.min(info.get(node).low, info.get(next).low);
    } else if (info.get(next).onStack) {
      info.get(node).low = Math.min(info.get(node).low, info.get(next).index);
    }
  }
  if (info.get(node).low === info.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      info.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    const selfLoop = (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) cycles.push(component.map((f) => relative(root, f)).sort());
  }
}
for (const file of files) if (!info.has(file)) visit(file);

console.log(`cross-feature repository imports: ${crossings.length}`);
console.log(`cross-feature imports past index.ts / service.ts: ${surface.length}`);
console.log(`import cycles (strongly connected groups): ${cycles.length}`);
for (const line of crossings) console.log(`  crossing  ${line}`);
for (const line of surface) console.log(`  surface   ${line}`);
for (const cycle of cycles) console.log(`  cycle     ${cycle.join(", ")}`);
