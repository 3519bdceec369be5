// Playwright: the web journey (issue 6) and the mobile web-export journey (issue 7) in the system
// Chromium, against the real server (embedded PGlite database, mail to $DATA_DIR/outbox).
// Normally started by e2e/run.mjs, which picks the ports and prepares the builds.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type ReporterDescription } from "@playwright/test";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Worker processes inherit process.env from the runner, so values chosen here reach the tests.
process.env.LM_E2E_PORT ||= "39517";
process.env.LM_E2E_MOBILE_PORT ||= "39518";
process.env.LM_E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), "lm-e2e-"));
process.env.LM_E2E_MOBILE ||= "1";

const port = process.env.LM_E2E_PORT;
const mobilePort = process.env.LM_E2E_MOBILE_PORT;
const serverOrigin = `http://127.0.0.1:${port}`;
const mobileOrigin = `http://127.0.0.1:${mobilePort}`;
const withMobile = process.env.LM_E2E_MOBILE === "1";

const reporter: ReporterDescription[] = [["list"]];
if (process.env.LM_TEST_RESULTS) {
  reporter.push(["json", { outputFile: join(process.env.LM_TEST_RESULTS, "e2e.json") }]);
}

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: join(root, "e2e", "test-results"),
  // Each journey is one long test (3–4 min on an idle 2-core machine, two journeys side by side):
  // the budget leaves room for a loaded CI runner.
  timeout: 420_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter,
  use: {
    baseURL: serverOrigin,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "UTC",
  },
  projects: [
    { name: "web", testMatch: /web-journey\.spec\.ts$/, use: { viewport: { width: 1440, height: 900 } } },
    {
      name: "mobile",
      testMatch: /mobile-journey\.spec\.ts$/,
      use: { baseURL: mobileOrigin, viewport: { width: 390, height: 844 } },
    },
  ],
  webServer: [
    {
      command: "node --import tsx apps/server/src/main.ts",
      cwd: root,
      url: `${serverOrigin}/healthz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "development",
        PORT: port,
        HOST: "127.0.0.1",
        APP_URL: serverOrigin,
        DATA_DIR: process.env.LM_E2E_DATA_DIR as string,
        SEED_DEMO: "false",
        CORS_ORIGINS: `${mobileOrigin},${serverOrigin}`,
        LOG_LEVEL: "warn",
        // Lessons come from the offline provider (pasted notes), never a local or remote model.
        LLM_MODEL_PATH: "",
        LLM_BASE_URL: "",
      },
    },
    ...(withMobile
      ? [
          {
            command: `node e2e/static-server.mjs "${process.env.LM_E2E_MOBILE_DIST || "apps/mobile/dist"}" ${mobilePort}`,
            cwd: root,
            url: mobileOrigin,
            timeout: 30_000,
            reuseExistingServer: false,
          },
        ]
      : []),
  ],
});
