// `npm start`: builds the web app when its build is missing or older than its sources, then runs
// the server (API + worker + web app) on the embedded database. Arguments pass through (--no-seed).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps", "web");

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

if (existsSync(join(web, "package.json"))) {
  const built = existsSync(join(web, "dist", "index.html")) ? statSync(join(web, "dist", "index.html")).mtimeMs : 0;
  const sources = Math.max(
    newest(join(web, "src")),
    newest(join(web, "index.html")),
    newest(join(web, "public")),
    newest(join(root, "packages", "core", "src")),
  );
  if (built < sources) {
    console.log(built ? "Web app sources changed: rebuilding…" : "Building the web app (first start)…");
    const r = spawnSync("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) {
      console.error("The web app failed to build; starting the API anyway.");
    }
  }
}

const child = spawn(
  process.execPath,
  ["--import", "tsx", join(root, "apps", "server", "src", "main.ts"), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
