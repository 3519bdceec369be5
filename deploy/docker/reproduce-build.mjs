// Runs the Dockerfile's stages without Docker (CI has no daemon): every COPY and RUN of every
// stage, in order, in a temporary directory per stage (WORKDIR maps into it), with the stage's ENV.
// RUN steps marked `# ci: skip` (apt-get in the base image) are reported, not run. Then it starts
// the runtime stage's CMD on a free port with a fresh DATA_DIR and runs the HEALTHCHECK command.
//   node deploy/docker/reproduce-build.mjs [--keep]
// Exit 0 only if every step and the health check passed.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const work = mkdtempSync(join(tmpdir(), "lm-docker-"));
const started = Date.now();
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

/** Dockerfile → instructions, continuation lines joined, `# ci: skip` attached to the next one. */
function parse(text) {
  const out = [];
  let skip = false;
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!current && line.startsWith("#")) {
      if (/^#\s*ci:\s*skip/.test(line)) skip = true;
      continue;
    }
    if (!line && !current) continue;
    current += `${line.replace(/\\$/, "")} `;
    if (line.endsWith("\\")) continue;
    const [op, ...rest] = current.trim().split(/\s+/);
    out.push({ op: op.toUpperCase(), args: current.trim().slice(op.length).trim(), skip, words: rest });
    current = "";
    skip = false;
  }
  return out;
}

/** .dockerignore patterns as regular expressions over context-relative paths. */
function ignoreRules() {
  const file = join(root, ".dockerignore");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((p) => {
      const re = p
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*\*\//g, "(?:.*/)?")
        .replace(/\*/g, "[^/]*");
      return new RegExp(`^${re}(?:/.*)?$`);
    });
}
const ignored = ignoreRules();
const isIgnored = (rel) => ignored.some((re) => re.test(rel));

function copyFromContext(src, dest) {
  const from = join(root, src);
  if (!existsSync(from)) throw new Error(`COPY ${src}: not in the build context`);
  if (isIgnored(relative(root, from))) throw new Error(`COPY ${src}: excluded by .dockerignore`);
  cpSync(from, dest, {
    recursive: true,
    filter: (path) => !isIgnored(relative(root, path)),
  });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const stages = new Map();
let stage = null;
const instructions = parse(readFileSync(join(root, "Dockerfile"), "utf8"));
const pathIn = (st, p) => join(st.root, p.startsWith("/") ? p : join(st.workdir, p));

for (const ins of instructions) {
  if (ins.op === "ARG") continue;
  if (ins.op === "FROM") {
    const [image, , name] = ins.args.split(/\s+/);
    const base = stages.get(image);
    const dir = join(work, name ?? `stage${stages.size}`);
    if (base) cpSync(base.root, dir, { recursive: true, verbatimSymlinks: true });
    else mkdirSync(dir, { recursive: true });
    stage = { name, root: dir, workdir: base?.workdir ?? "/", env: { ...(base?.env ?? {}) }, cmd: null, health: null };
    stages.set(name, stage);
    log(`FROM ${image}${base ? "" : " (base image: this machine's Node and tools)"} AS ${name}`);
    continue;
  }
  if (ins.op === "WORKDIR") {
    stage.workdir = ins.args;
    mkdirSync(pathIn(stage, "."), { recursive: true });
  } else if (ins.op === "ENV") {
    for (const [, k, v] of ins.args.matchAll(/(\w+)=(\S+)/g)) stage.env[k] = v;
  } else if (ins.op === "COPY") {
    const parts = ins.args.split(/\s+/);
    const from = parts.find((p) => p.startsWith("--from="))?.slice(7);
    const [dest, ...srcs] = parts.filter((p) => !p.startsWith("--")).reverse();
    for (const src of srcs.reverse()) {
      const target = dest.endsWith("/") ? join(pathIn(stage, dest), src.split("/").at(-1)) : pathIn(stage, dest);
      mkdirSync(dirname(target), { recursive: true });
      if (from) cpSync(pathIn(stages.get(from), src), target, { recursive: true, verbatimSymlinks: true });
      else copyFromContext(src, target);
    }
    log(`${stage.name}: COPY ${ins.args}`);
  } else if (ins.op === "RUN") {
    if (ins.skip) {
      log(`${stage.name}: RUN skipped (# ci: skip): ${ins.args.slice(0, 90)}…`);
      continue;
    }
    log(`${stage.name}: RUN ${ins.args}`);
    const r = spawnSync("bash", ["-euo", "pipefail", "-c", ins.args], {
      cwd: pathIn(stage, "."),
      env: { ...process.env, ...stage.env, npm_config_prefer_offline: "true" },
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error(`${stage.name}: RUN failed (${r.status}): ${ins.args}`);
  } else if (ins.op === "CMD") stage.cmd = JSON.parse(ins.args);
  else if (ins.op === "HEALTHCHECK") stage.health = JSON.parse(ins.args.slice(ins.args.indexOf("CMD") + 3).trim());
}

// The runtime stage as the container would start it.
const runtime = stage;
const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "lm-docker-data-"));
const env = {
  ...process.env,
  ...runtime.env,
  PORT: String(port),
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  NODE_ENV: "production",
};
env.JWT_SECRET = "a-throwaway-secret-for-the-build-check-only-0123456789";
env.SEED_DEMO = "false";
log(`runtime: CMD ${runtime.cmd.join(" ")} (PORT=${port})`);
const app = spawn(runtime.cmd[0] === "node" ? process.execPath : runtime.cmd[0], runtime.cmd.slice(1), {
  cwd: pathIn(runtime, "."),
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
let output = "";
app.stdout.on("data", (d) => {
  output += d;
});
let healthy = false;
for (let i = 0; i < 120 && !healthy && app.exitCode === null; i++) {
  await new Promise((r) => setTimeout(r, 500));
  const check = spawnSync(
    runtime.health[0] === "node" ? process.execPath : runtime.health[0],
    runtime.health.slice(1),
    {
      env,
    },
  );
  healthy = check.status === 0;
}
const page = healthy ? await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text()) : "";
app.kill("SIGTERM");
await new Promise((r) => app.once("exit", r));
const servesWeb = page.includes('<div id="root"') || page.includes("<!doctype html");
const size = spawnSync("du", ["-sm", runtime.root], { encoding: "utf8" }).stdout.split("\t")[0];
log(
  `runtime tree: ${size} MB; HEALTHCHECK ${healthy ? "passed" : "FAILED"}; web app ${servesWeb ? "served" : "NOT served"}`,
);
if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
if (!healthy || !servesWeb) {
  console.error(output.slice(-4000));
  process.exit(1);
}
