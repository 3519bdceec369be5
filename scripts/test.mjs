// `npm test`: every Vitest project (core, server, web, desktop), then the mobile app's Jest suite.
// With LM_TEST_RESULTS=<dir>, each runner also writes a JSON report there for .ci/run to sum.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const out = process.env.LM_TEST_RESULTS;
if (out) mkdirSync(out, { recursive: true });
const label = process.env.LM_TEST_LABEL ?? "vitest";
const extra = process.argv.slice(2);

const vitestArgs = ["vitest", "run", ...extra];
if (out) vitestArgs.push("--reporter=default", "--reporter=json", `--outputFile.json=${join(out, `${label}.json`)}`);
let failed = spawnSync("npx", vitestArgs, { stdio: "inherit" }).status !== 0;

// Mobile uses Jest (jest-expo); it is skipped when a project filter was given.
if (!extra.some((a) => a.startsWith("--project")) && existsSync("apps/mobile/package.json")) {
  const jestArgs = ["run", "test", "-w", "apps/mobile", "--"];
  if (out) jestArgs.push("--json", `--outputFile=${join(out, "mobile-jest.json")}`);
  failed = spawnSync("npm", jestArgs, { stdio: "inherit" }).status !== 0 || failed;
}
process.exit(failed ? 1 : 0);
