// `npm run bench`: every benchmark in one run, so their numbers come from the same machine state.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const benches = [
  ["AI pipeline", "bench/ai/bench.ts", ["--write"]],
  ["Feed and auth", "bench/feed/bench.ts", ["--write"]],
  ["Planner", "bench/planner/bench.ts", ["--write"]],
  ["Lesson videos", "bench/video/bench.ts", ["--write"]],
  ["Efficiency vs a bare handler (wrk)", "bench/efficiency/bench.ts", ["--write"]],
  ["Load through nginx (10,000 sockets, ~12 min)", "bench/load/run.ts", ["--compare", "--write"]],
] as const;

let failed = false;
for (const [name, file, args] of benches) {
  if (!existsSync(file)) continue;
  console.log(`\n### ${name} (${file})`);
  const r = spawnSync("npx", ["tsx", file, ...args], { stdio: "inherit" });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
