// Renders nginx.conf.template for running nginx outside the nginx image (on a host, in tests):
//   LM_TLS_CERT=… LM_TLS_KEY=… node deploy/nginx/render.mjs <out dir>
// Writes <out dir>/nginx.conf, and upstream.conf unless one is there already. Refuses to write a
// config with a variable left unset. The nginx image does the same substitution itself.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export const DEFAULTS = {
  LM_SERVER_NAME: "localhost",
  LM_HTTP_PORT: "80",
  LM_HTTPS_PORT: "443",
  LM_TLS_CERT: "/etc/nginx/certs/cert.pem",
  LM_TLS_KEY: "/etc/nginx/certs/key.pem",
  LM_RUN_DIR: "/var/cache/nginx",
  LM_CACHE_DIR: "/var/cache/nginx/lm_assets",
  LM_LOG_DIR: "/var/log/nginx",
  LM_ACME_ROOT: "/var/www/acme",
};

export function render(template, env) {
  const values = { ...DEFAULTS, ...Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("LM_"))) };
  const missing = new Set();
  const text = template.replace(/\$\{(LM_[A-Z0-9_]+)\}/g, (_m, name) => {
    if (values[name] === undefined || values[name] === "") missing.add(name);
    return values[name] ?? "";
  });
  if (missing.size) throw new Error(`nginx template: no value for ${[...missing].join(", ")}`);
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error("usage: node deploy/nginx/render.mjs <out dir>");
    process.exit(64);
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "nginx.conf"), render(readFileSync(join(here, "nginx.conf.template"), "utf8"), process.env));
  if (!existsSync(join(out, "upstream.conf"))) copyFileSync(join(here, "upstream.conf"), join(out, "upstream.conf"));
  console.log(join(out, "nginx.conf"));
}
