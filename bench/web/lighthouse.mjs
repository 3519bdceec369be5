// Lighthouse (mobile preset) on the feed and a lesson page of the production build, served by the
// real server on a fresh embedded database; median of 3 runs per page. Each run records Lighthouse's
// CPU benchmark index and the machine's load average, so figures from different machines (or a busy
// moment) can be compared honestly. Needs lighthouse@12.2.3
// (`npx lighthouse@12.2.3` fetches it) and the system Chromium. Run: node bench/web/lighthouse.mjs
// [--mobile] [--write]. --mobile also measures the mobile app's web export (expo export --platform
// web, about a minute, served gzipped by e2e/static-server.mjs) on its feed and lesson screens.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const LIGHTHOUSE = process.env.LIGHTHOUSE_BIN ?? "npx";
const LH_ARGS = process.env.LIGHTHOUSE_BIN ? [] : ["-y", "lighthouse@12.2.3"];
const CHROME_FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";
const RUNS = 3;

const withMobile = process.argv.includes("--mobile");
const dir = mkdtempSync(join(tmpdir(), "lm-lh-"));
const port = 3950 + Math.floor(Math.random() * 40);
const mobilePort = port + 50;
const server = spawn(process.execPath, ["scripts/start.mjs"], {
  env: {
    ...process.env,
    DATA_DIR: dir,
    PORT: String(port),
    LOG_LEVEL: "warn",
    CORS_ORIGINS: `http://localhost:${mobilePort}`,
  },
  stdio: "ignore",
});
const base = `http://localhost:${port}`;
let mobileServer;
try {
  if (withMobile) {
    const out = join(dir, "mobile-web");
    // --clear: Metro's cache otherwise keeps a previously inlined EXPO_PUBLIC_API_URL.
    execFileSync("npx", ["expo", "export", "--platform", "web", "--output-dir", out, "--clear"], {
      cwd: join(import.meta.dirname, "..", "..", "apps", "mobile"),
      env: { ...process.env, EXPO_PUBLIC_API_URL: `${base}/api/v1`, CI: "1" },
      stdio: "ignore",
    });
    mobileServer = spawn(process.execPath, ["e2e/static-server.mjs", out, String(mobilePort)], { stdio: "ignore" });
  }
  for (;;) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const feed = await (await fetch(`${base}/api/v1/videos?limit=1`)).json();
  const pages = { feed: `${base}/`, lesson: `${base}/videos/${feed.items[0].id}` };
  if (withMobile) {
    pages["mobile export: feed"] = `http://localhost:${mobilePort}/`;
    pages["mobile export: lesson"] = `http://localhost:${mobilePort}/video/${feed.items[0].id}`;
  }
  const rows = [];
  for (const [name, url] of Object.entries(pages)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const out = join(dir, `${name}-${i}.json`);
      const args = [
        ...LH_ARGS,
        url,
        "--quiet",
        "--only-categories=performance,accessibility,best-practices",
        `--chrome-flags=${CHROME_FLAGS}`,
        "--output=json",
        `--output-path=${out}`,
      ];
      const env = { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" };
      // Chromium occasionally fails to start on a busy machine; one retry, then the run counts as lost.
      try {
        execFileSync(LIGHTHOUSE, args, { env, stdio: "ignore" });
      } catch {
        execFileSync(LIGHTHOUSE, args, { env, stdio: "ignore" });
      }
      const r = JSON.parse(readFileSync(out, "utf8"));
      runs.push({
        index: Math.round(r.environment?.benchmarkIndex ?? 0),
        load: loadavg()[0].toFixed(2),
        performance: Math.round(r.categories.performance.score * 100),
        accessibility: Math.round(r.categories.accessibility.score * 100),
        bestPractices: Math.round(r.categories["best-practices"].score * 100),
        fcp: r.audits["first-contentful-paint"].displayValue,
        lcp: r.audits["largest-contentful-paint"].displayValue,
        tbt: r.audits["total-blocking-time"].displayValue,
        cls: r.audits["cumulative-layout-shift"].displayValue,
      });
    }
    runs.sort((a, b) => a.performance - b.performance);
    const m = runs[Math.floor(RUNS / 2)];
    rows.push(
      `| ${name} | ${runs.map((r) => r.performance).join(", ")} | **${m.performance}** | ${m.accessibility} | ${m.bestPractices} | ${m.fcp} | ${m.lcp} | ${m.tbt} | ${m.cls} | ${runs.map((r) => r.index).join(", ")} | ${runs.map((r) => r.load).join(", ")} |`,
    );
    console.error(`${name}: ${JSON.stringify(runs)}`);
  }
  // The first load's JavaScript: what index.html loads or preloads (every page gets it), gzip at the
  // server's level (compression's default, 6).
  const dist = join(import.meta.dirname, "..", "..", "apps", "web", "dist");
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sizes = scripts.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
  });
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const text = [
    "# Web app: Lighthouse",
    "",
    `Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU slowdown), system Chromium, ${RUNS} runs per page,`,
    "median shown, production build served by the real server (gzip on) on a fresh embedded database.",
    "The CPU slowdown multiplies whatever else the 2-core machine is doing, so scores drop when it is busy.",
    "",
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}. Index: Lighthouse's CPU benchmark index per run`,
    "(higher is faster); load: the 1-minute load average when each run ended. FCP/LCP/TBT/CLS are the median run's.",
    "",
    "| page | performance runs | median | accessibility | best practices | FCP | LCP | TBT | CLS | index | load |",
    "|---|---|---:|---:|---:|---|---|---|---|---|---|",
    ...rows,
    "",
    "Initial JavaScript (the scripts index.html loads and preloads; every route's own code is a lazy chunk):",
    "",
    "| file | raw | gzip |",
    "|---|---:|---:|",
    ...sizes.map((s) => `| ${s.file.replace(/-[\w-]{8}\.js$/, ".js")} | ${kb(s.raw)} | ${kb(s.gzip)} |`),
    `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
    "",
  ].join("\n");
  console.log(text);
  if (process.argv.includes("--write")) {
    const results = join(import.meta.dirname, "RESULTS.md");
    writeFileSync(results, text);
    // Aligned the way the linter (Biome) formats Markdown tables, so a fresh write keeps lint green.
    execFileSync("npx", ["biome", "format", "--write", results], { stdio: "ignore" });
  }
} finally {
  mobileServer?.kill("SIGTERM");
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
