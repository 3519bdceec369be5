// Start-up time: from spawning the server to the first 200 on /readyz, on a fresh data directory
// (migrations + sample lessons) and again on the same directory. Run: node bench/startup.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function startOnce(dataDir, port) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  const ms = performance.now() - t0;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), "lm-startup-"));
const port = 3900 + Math.floor(Math.random() * 90);
const first = await startOnce(dir, port);
const later = [];
for (let i = 0; i < 3; i++) later.push(await startOnce(dir, port));
rmSync(dir, { recursive: true, force: true });
later.sort((a, b) => a - b);
console.log(`first start (empty DATA_DIR: migrations + samples): ${(first / 1000).toFixed(2)} s`);
console.log(`later starts (median of 3): ${(later[1] / 1000).toFixed(2)} s`);
