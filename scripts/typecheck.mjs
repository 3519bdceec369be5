// `npm run typecheck`: tsc --noEmit for every workspace that has a tsconfig.json.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const workspaces = ["packages/core", "apps/server", "apps/web", "apps/desktop", "apps/mobile"].filter((w) =>
  existsSync(`${w}/tsconfig.json`),
);
let failed = false;
for (const w of workspaces) {
  const r = spawnSync("npx", ["tsc", "--noEmit", "-p", w], { stdio: "inherit" });
  console.log(`typecheck ${w}: ${r.status === 0 ? "ok" : "FAILED"}`);
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
