// Packages the app with the real electron-builder (`--linux dir`) around a placeholder Electron
// (the real binary cannot be downloaded here) and checks what went into resources/app.asar.
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const desktopDir = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(desktopDir, "package.json"), "utf8")) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// @electron/asar ships with electron-builder (app-builder-lib); it is what reads app.asar.
const asar = require("@electron/asar") as {
  listPackage(archive: string, options?: object): string[];
  extractFile(archive: string, file: string): Buffer;
};

let work: string;
let appDir: string;
let archive: string;
let files: string[];

/** A stand-in for the Electron distribution: a shell script where the binary would be. */
function placeholderElectron(dir: string): void {
  mkdirSync(path.join(dir, "resources"), { recursive: true });
  writeFileSync(path.join(dir, "electron"), "#!/bin/sh\necho 'placeholder Electron: not runnable' >&2\nexit 1\n");
  chmodSync(path.join(dir, "electron"), 0o755);
  writeFileSync(path.join(dir, "version"), pkg.devDependencies.electron);
  writeFileSync(path.join(dir, "LICENSE"), "placeholder");
  writeFileSync(path.join(dir, "LICENSES.chromium.html"), "placeholder");
}

/** The package names electron-builder should ship: the production dependency closure. */
function runtimeClosure(): Set<string> {
  const names = new Set<string>();
  const visit = (name: string, fromDir: string) => {
    let manifest: string;
    try {
      manifest = createRequire(path.join(fromDir, "noop.js")).resolve(`${name}/package.json`);
    } catch {
      return; // an optional dependency that is not installed
    }
    const key = `${name}@${manifest}`;
    if (names.has(key)) return;
    names.add(key);
    const json = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, Record<string, string> | undefined>;
    for (const dep of Object.keys({ ...json.dependencies, ...json.optionalDependencies })) {
      visit(dep, path.dirname(manifest));
    }
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep, desktopDir);
  return new Set([...names].map((key) => key.slice(0, key.indexOf("@", 1))));
}

/** Package names present anywhere under node_modules in the archive. */
function packagedModules(list: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of list) {
    const parts = file.split("/");
    parts.forEach((part, i) => {
      if (part !== "node_modules" || !parts[i + 1]) return;
      names.add(parts[i + 1].startsWith("@") && parts[i + 2] ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1]);
    });
  }
  return names;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "lm-package-"));
  placeholderElectron(path.join(work, "electron-dist"));
  const cli = path.join(path.dirname(require.resolve("electron-builder/package.json")), "cli.js");
  const args = [
    cli,
    "--linux",
    "dir",
    `-c.electronDist=${path.join(work, "electron-dist")}`,
    `-c.directories.output=${path.join(work, "out")}`,
  ];
  try {
    await promisify(execFile)(process.execPath, args, { cwd: desktopDir, env: { ...process.env, CI: "true" } });
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    // Surface electron-builder's own words: this is the reason the packaging check failed.
    throw new Error(`electron-builder --linux dir failed (exit ${e.code}):\n${e.stderr}\n${e.stdout}`);
  }
  appDir = path.join(work, "out", "linux-unpacked");
  archive = path.join(appDir, "resources", "app.asar");
  files = asar.listPackage(archive, {}).map((f) => f.split(path.sep).join("/"));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("electron-builder --linux dir (placeholder Electron)", () => {
  it("produces the app executable from the placeholder and an app.asar", () => {
    expect(existsSync(archive)).toBe(true);
    expect(readFileSync(path.join(appDir, "little-monster"), "utf8")).toContain("placeholder Electron");
  });

  it("packs the main bundle, the one-file preload, the web build, assets and package.json", () => {
    for (const file of [
      "/package.json",
      "/dist/main/index.js",
      "/dist/preload.cjs",
      "/dist/csp-script-hashes.json",
      "/dist/web/index.html",
      "/assets/tray.png",
    ]) {
      expect(files, file).toContain(file);
    }
    const packaged = JSON.parse(asar.extractFile(archive, "package.json").toString()) as { main: string };
    expect(packaged.main).toBe("dist/main/index.js");
  });

  it("leaves sources, tests and build tooling out", () => {
    const stray = files.filter(
      (f) => /^\/(src|test|scripts|out)\//.test(f) || /\.(ts|map)$/.test(f.replace(/\.d\.ts$/, "")),
    );
    expect(stray).toEqual([]);
  });

  it("ships exactly the runtime dependency closure: electron-updater and its dependencies", () => {
    const shipped = packagedModules(files);
    expect(shipped.has("electron-updater")).toBe(true);
    expect([...shipped].sort()).toEqual([...runtimeClosure()].sort());
  });

  it("ships no Electron and no devDependency", () => {
    const shipped = packagedModules(files);
    const dev = Object.keys(pkg.devDependencies);
    expect(dev).toContain("electron");
    expect(dev.filter((name) => shipped.has(name))).toEqual([]);
    expect(shipped.has("app-builder-lib")).toBe(false);
  });
});
