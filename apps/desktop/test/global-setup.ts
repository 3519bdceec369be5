// Builds dist/ once per test run: main bundle, preload bundle, and the web app built from this
// checkout's source into a temporary folder. Never whatever apps/web/dist happens to hold (a
// stale `npm start` build on one machine, nothing on a clean clone): the renderer tests run the
// same, current web build everywhere. LM_WEB_DIST=/path tests another build on purpose.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { build, buildWebFromSource } from "../scripts/build.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the web build in dist/web came from. */
    desktopWebSource: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const out = mkdtempSync(path.join(tmpdir(), "lm-desktop-web-"));
  const webDist = process.env.LM_WEB_DIST ?? (await buildWebFromSource(out));
  const result = await build({ webDist });
  project.provide("desktopWebSource", result.webSource === out ? "this checkout's source" : result.webSource);
  return () => rmSync(out, { recursive: true, force: true });
}
