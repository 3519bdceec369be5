// `npm run test:e2e`: the end-to-end browser journeys (web app and the mobile app's web export)
// in the system Chromium against the real server on a fresh embedded database.
//
// 1. Builds the web app when apps/web/dist is missing or older than its sources.
// 2. Picks the server's port. The mobile web export bakes its API URL in at export time
//    (EXPO_PUBLIC_API_URL), so an export that already points at a free 127.0.0.1 port is reused
//    with that port; otherwise the app is exported again (about a minute) for a fresh free port.
// 3. Runs Playwright (e2e/playwright.config.ts), which starts the server and a static server for
//    the mobile export. With LM_TEST_RESULTS set, the JSON report goes to $LM_TEST_RESULTS/e2e.json.
// Extra arguments pass through to `playwright test` (e.g. `npm run test:e2e -- --project=web`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps", "web");
const mobile = join(root, "apps", "mobile");
const core = join(root, "packages", "core", "src");
const started = Date.now();

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((f) => f !== "node_modules" && !f.endsWith(".test.ts") && !f.endsWith(".test.tsx"))
      .map((f) => newest(join(path, f))),
  );
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  return r.status ?? 1;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// 1. The web app.
const webBuilt = mtime(join(web, "dist", "index.html"));
const webSources = Math.max(
  newest(join(web, "src")),
  mtime(join(web, "index.html")),
  newest(join(web, "public")),
  mtime(join(web, "vite.config.ts")),
  newest(core),
);
if (webBuilt < webSources) {
  console.log(webBuilt ? "e2e: web app sources changed, rebuilding…" : "e2e: building the web app…");
  if (run("npm", ["run", "build", "-w", "apps/web"]) !== 0) {
    if (!webBuilt) {
      console.error("e2e: the web app failed to build and there is no earlier build.");
      process.exit(1);
    }
    console.error("e2e: the web app failed to build; testing the previous build in apps/web/dist.");
  }
}

// 2. Ports, and the mobile export pointed at the server.
let port = 0;
let mobileError = "";
let mobileDist = join(mobile, "dist");
const hasMobile = existsSync(join(mobile, "package.json"));
if (hasMobile) {
  const dist = join(mobile, "dist");
  const bundles = join(dist, "_expo", "static", "js", "web");
  let bakedPort = 0;
  if (existsSync(bundles)) {
    for (const f of readdirSync(bundles).filter((n) => n.endsWith(".js"))) {
      const m = readFileSync(join(bundles, f), "utf8").match(/"http:\/\/127\.0\.0\.1:(\d+)\/api\/v1"/);
      if (m) bakedPort = Number(m[1]);
    }
  }
  const built = mtime(join(dist, "index.html"));
  const sources = Math.max(
    newest(join(mobile, "app")),
    newest(join(mobile, "src")),
    mtime(join(mobile, "app.json")),
    newest(core),
  );
  const fresh = built >= sources;
  if (bakedPort && fresh && (await portFree(bakedPort))) {
    port = bakedPort;
    console.log(`e2e: reusing the mobile web export (API at 127.0.0.1:${port}).`);
  } else {
    port = await freePort();
    // A fresh export normally replaces apps/mobile/dist. When that export is up to date but its port
    // is taken (say, another e2e run is using it right now), export into a private folder instead.
    if (bakedPort && fresh) mobileDist = mkdtempSync(join(tmpdir(), "lm-e2e-mobile-"));
    const apiUrl = `http://127.0.0.1:${port}/api/v1`;
    console.log(`e2e: exporting the mobile app for the web to ${mobileDist} with EXPO_PUBLIC_API_URL=${apiUrl}…`);
    // --clear: Metro's cache otherwise keeps the previously inlined EXPO_PUBLIC_API_URL.
    const status = run("npx", ["expo", "export", "--platform", "web", "--output-dir", mobileDist, "--clear"], {
      cwd: mobile,
      env: { ...process.env, EXPO_PUBLIC_API_URL: apiUrl, CI: "1" },
    });
    if (status !== 0) mobileError = `expo export --platform web failed (exit ${status})`;
  }
} else {
  port = await freePort();
}
const mobilePort = await freePort();

// 3. Playwright. Screenshots start afresh, so the folder holds exactly this run's pages.
rmSync(join(root, "e2e", "screenshots"), { recursive: true, force: true });
const dataDir = mkdtempSync(join(tmpdir(), "lm-e2e-"));
const env = {
  ...process.env,
  LM_E2E_PORT: String(port),
  LM_E2E_MOBILE_PORT: String(mobilePort),
  LM_E2E_DATA_DIR: dataDir,
  LM_E2E_MOBILE: hasMobile && !mobileError ? "1" : "0",
  LM_E2E_MOBILE_ERROR: mobileError,
  LM_E2E_MOBILE_DIST: mobileDist,
};
console.log(`e2e: server on 127.0.0.1:${port}, mobile export on 127.0.0.1:${mobilePort}, DATA_DIR=${dataDir}`);
const status = run("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts", ...process.argv.slice(2)], { env });
if (mobileDist.startsWith(tmpdir())) rmSync(mobileDist, { recursive: true, force: true });
if (status === 0) rmSync(dataDir, { recursive: true, force: true });
else console.error(`e2e: failed; the server's data (database, outbox) is kept in ${dataDir}`);
console.log(`e2e: finished in ${((Date.now() - started) / 1000).toFixed(0)} s (exit ${status}).`);
process.exit(status);
