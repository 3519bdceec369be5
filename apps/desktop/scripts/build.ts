// Builds what Electron loads: dist/main/index.js (ESM, electron and electron-updater external),
// dist/preload.cjs (one CommonJS file, as sandboxed preloads require), dist/web (the web build) and
// dist/csp-script-hashes.json (hashes of the build's inline scripts, for the CSP).
import { execFile } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { pathToFileURL } from "node:url";
import { build as esbuild } from "esbuild";
import { inlineScriptHashes } from "../src/main/script-hashes.js";

const desktopDir = path.resolve(import.meta.dirname, "..");
export const distDir = path.join(desktopDir, "dist");
export const defaultWebDist = path.resolve(desktopDir, "../web/dist");
export const fixtureWeb = path.join(desktopDir, "test/fixtures/web");
/** The CSP hashes of index.html's inline scripts; main/index.ts reads it at start-up. */
export const scriptHashesFile = path.join(distDir, "csp-script-hashes.json");

const webDir = path.resolve(desktopDir, "../web");

/**
 * Builds the web app from source into `outDir` with the web app's own Vite (its version, not the
 * root's), leaving apps/web/dist alone. Returns `outDir`.
 */
export async function buildWebFromSource(outDir: string): Promise<string> {
  const viteBin = path.join(
    path.dirname(createRequire(path.join(webDir, "package.json")).resolve("vite/package.json")),
    "bin/vite.js",
  );
  await promisify(execFile)(
    process.execPath,
    [viteBin, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: webDir, maxBuffer: 16 * 1024 * 1024 },
  );
  return outDir;
}

export interface BuildOptions {
  /** Defaults to $LM_WEB_DIST, then apps/web/dist. */
  webDist?: string;
  /** Use the test fixture page when the web build does not exist (tests only, never a release). */
  allowFixtureWeb?: boolean;
}

export interface BuildResult {
  web: "web-build" | "fixture";
  webSource: string;
  scriptHashes: string[];
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const webDist = path.resolve(options.webDist ?? process.env.LM_WEB_DIST ?? defaultWebDist);
  let webSource = webDist;
  let web: BuildResult["web"] = "web-build";
  if (!existsSync(path.join(webDist, "index.html"))) {
    if (!options.allowFixtureWeb) {
      throw new Error(`no web build at ${webDist}: run \`npm run build -w apps/web\` first`);
    }
    webSource = fixtureWeb;
    web = "fixture";
  }

  rmSync(distDir, { recursive: true, force: true });
  const common = { bundle: true, sourcemap: false, logLevel: "warning", legalComments: "none" } as const;
  await Promise.all([
    esbuild({
      ...common,
      entryPoints: [path.join(desktopDir, "src/main/index.ts")],
      outfile: path.join(distDir, "main/index.js"),
      platform: "node",
      format: "esm",
      target: "node22", // Electron 45 ships Node 22
      external: ["electron", "electron-updater"],
    }),
    esbuild({
      ...common,
      entryPoints: [path.join(desktopDir, "src/preload/index.ts")],
      outfile: path.join(distDir, "preload.cjs"),
      platform: "browser",
      format: "cjs",
      target: "chrome140", // Electron 45 ships Chromium 142
      external: ["electron"],
    }),
  ]);
  cpSync(webSource, path.join(distDir, "web"), { recursive: true });
  const scriptHashes = inlineScriptHashes(readFileSync(path.join(distDir, "web", "index.html"), "utf8"));
  writeFileSync(scriptHashesFile, `${JSON.stringify(scriptHashes, null, 2)}\n`);
  return { web, webSource, scriptHashes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const allowFixtureWeb = process.argv.includes("--allow-fixture-web");
  build({ allowFixtureWeb }).then(
    (result) => console.log(`built ${distDir} (web: ${result.web} from ${result.webSource})`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
