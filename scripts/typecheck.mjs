// `npm run typecheck`: tsc --noEmit for every workspace that has a tsconfig.json.
// The workspaces are independent, so they run side by side, one per core (CI time); each one's
// output is printed whole when it ends, so the log stays readable.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";

const workspaces = ["apps/server", "apps/mobile", "apps/web", "packages/core", "apps/desktop"].filter((w) =>
  existsSync(`${w}/tsconfig.json`),
);

function check(w) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsc", "--noEmit", "-p", w], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      if (output) process.stdout.write(output);
      console.log(`typecheck ${w}: ${code === 0 ? "ok" : "FAILED"}`);
      resolve(code === 0);
    });
  });
}

const queue = [...workspaces];
let failed = false;
const lanes = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  for (let w = queue.shift(); w; w = queue.shift()) failed = !(await check(w)) || failed;
});
await Promise.all(lanes);
process.exit(failed ? 1 : 0);
