// deploy/nginx rendered for loopback (ports, a self-signed certificate, run/log/cache dirs in a temp
// dir), shared by the nginx test and the multi-instance test.
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEPLOY } from "../ops/promql.js";

const run = promisify(execFile);
export const NGINX = "/usr/sbin/nginx";
export const NGINX_DIR = join(DEPLOY, "nginx");

/** Renders deploy/nginx into `dir` for loopback: ports, certificate, run/log/cache dirs under dir. */
export async function renderLoopback(dir: string, upstream: string, ports: { http: number; https: number }) {
  // nginx's workers run as an unprivileged user and buffer large bodies under run/.
  chmodSync(dir, 0o755);
  for (const d of ["run", "logs", "cache", "acme"]) mkdirSync(join(dir, d), { recursive: true });
  copyFileSync("/etc/nginx/mime.types", join(dir, "mime.types"));
  await run("sh", [join(NGINX_DIR, "make-cert.sh"), join(dir, "certs")]);
  writeFileSync(join(dir, "upstream.conf"), upstream);
  await run("node", [join(NGINX_DIR, "render.mjs"), dir], {
    env: {
      ...process.env,
      LM_HTTP_PORT: String(ports.http),
      LM_HTTPS_PORT: String(ports.https),
      LM_SERVER_NAME: "localhost",
      LM_TLS_CERT: join(dir, "certs", "cert.pem"),
      LM_TLS_KEY: join(dir, "certs", "key.pem"),
      LM_RUN_DIR: join(dir, "run"),
      LM_CACHE_DIR: join(dir, "cache"),
      LM_LOG_DIR: join(dir, "logs"),
      LM_ACME_ROOT: join(dir, "acme"),
    },
  });
  return join(dir, "nginx.conf");
}
