// deploy/prometheus and deploy/grafana: promtool accepts the config and the rules, the rules' unit
// tests pass, every panel and rule reads a metric that exists, and the real Prometheus scrapes a
// running instance and evaluates a recording rule over what it scraped.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type TestServer, startTestServer, waitFor } from "../harness.js";
import { DEPLOY, freePort, loadRules, metricNames } from "./promql.js";
import { familyNames } from "./scrape.js";

const run = promisify(execFile);
const PROMETHEUS = "/usr/bin/prometheus";
const PROMTOOL = "/usr/bin/promtool";
const PROM_DIR = join(DEPLOY, "prometheus");

let s: TestServer;
let tmp: string;
beforeAll(async () => {
  s = await startTestServer();
  tmp = mkdtempSync(join(tmpdir(), "lm-prom-"));
});
afterAll(async () => {
  await s.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe("Prometheus configuration", () => {
  it("promtool accepts the config and the rules, and the rules' unit tests pass", async () => {
    // The deploy config reads its token from a compose secret; point that at a file here.
    const token = join(tmp, "metrics_token");
    writeFileSync(token, "x".repeat(32));
    const config = join(tmp, "prometheus.yml");
    writeFileSync(
      config,
      readFileSync(join(PROM_DIR, "prometheus.yml"), "utf8")
        .replaceAll("/run/secrets/metrics_token", token)
        .replace("rules/*.yml", join(PROM_DIR, "rules", "*.yml")),
    );
    const checked = await run(PROMTOOL, ["check", "config", config]);
    expect(checked.stdout).toContain("SUCCESS: 2 rule files found");
    const rules = await run(PROMTOOL, [
      "check",
      "rules",
      ...["rules", "alerts"].map((k) => join(PROM_DIR, "rules", `little-monster.${k}.yml`)),
    ]);
    expect(rules.stdout).not.toContain("FAILED");
    const tested = await run(PROMTOOL, ["test", "rules", "tests/little-monster.test.yml"], { cwd: PROM_DIR });
    expect(tested.stdout).toContain("SUCCESS");
  });

  it("every dashboard panel and every rule reads a metric the app exports or a rule records", async () => {
    await s.api("GET", "/videos"); // a request, so the request histogram has a series
    const exported = new Set(familyNames(await (await fetch(`${s.url}/metrics`)).text()));
    const rules = loadRules();
    const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));
    const known = (name: string) => exported.has(name) || recorded.has(name) || name === "up";

    const unknownInRules = rules.flatMap((r) => metricNames(r.expr).filter((n) => !known(n)));
    expect(unknownInRules).toEqual([]);

    const dashboard = JSON.parse(readFileSync(join(DEPLOY, "grafana", "dashboards", "little-monster.json"), "utf8"));
    const datasource = readFileSync(join(DEPLOY, "grafana", "provisioning", "datasources", "prometheus.yml"), "utf8");
    const panels = (dashboard.panels as Array<Record<string, unknown>>).filter((p) => p.type !== "row");
    expect(panels.length).toBeGreaterThanOrEqual(12);
    const ids = new Set<number>();
    const read = new Set<string>();
    for (const panel of panels) {
      expect(ids.has(panel.id as number), `panel id ${panel.id} twice`).toBe(false);
      ids.add(panel.id as number);
      expect(panel.gridPos).toMatchObject({ w: expect.any(Number), h: expect.any(Number) });
      expect(datasource).toContain(`uid: ${(panel.datasource as { uid: string }).uid}`);
      const targets = panel.targets as Array<{ expr: string }>;
      expect(targets.length, `${panel.title} has no query`).toBeGreaterThan(0);
      for (const t of targets) {
        const names = metricNames(t.expr);
        expect(names.length, `${panel.title}: ${t.expr}`).toBeGreaterThan(0);
        expect(
          names.filter((n) => !known(n)),
          `${panel.title}: ${t.expr}`,
        ).toEqual([]);
        for (const n of names) read.add(n);
      }
    }
    // Every signal the issue asks a panel for is on the dashboard.
    for (const needed of [
      "job:lm_http_errors:ratio_rate5m",
      "job:lm_http_latency_seconds:p95_5m",
      "queue:lm_queue_waiting_jobs:max",
      "queue:lm_queue_oldest_waiting_seconds:max",
      "queue:lm_job_failures:ratio_rate15m",
      "lm_reminder_lag_seconds:p95_15m",
      "lm_realtime_connections:sum",
      "instance:lm_db_pool_saturation:ratio",
    ])
      expect(read, needed).toContain(needed);
  });

  it("the real Prometheus scrapes a running instance and evaluates a recording rule", async () => {
    const target = new URL(s.url).host;
    const port = await freePort();
    const config = join(tmp, "loopback.yml");
    writeFileSync(
      config,
      [
        "global: { scrape_interval: 1s, evaluation_interval: 1s }",
        `rule_files: ["${join(PROM_DIR, "rules", "*.yml")}"]`,
        "scrape_configs:",
        "  - job_name: little-monster-api",
        `    static_configs: [{ targets: ["${target}"] }]`,
        "",
      ].join("\n"),
    );
    // Two open sockets: the recording rule must sum them from what was scraped.
    const sockets = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime`);
            ws.once("open", () => resolve(ws));
            ws.once("error", reject);
          }),
      ),
    );
    let prometheus: ChildProcess | undefined;
    try {
      prometheus = spawn(
        PROMETHEUS,
        [
          `--config.file=${config}`,
          `--storage.tsdb.path=${join(tmp, "tsdb")}`,
          `--web.listen-address=127.0.0.1:${port}`,
          "--log.level=warn",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      let log = "";
      prometheus.stderr?.on("data", (d) => {
        log += d;
      });
      const query = async (expr: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(expr)}`).catch(
          () => null,
        );
        if (!res?.ok) return [];
        return (
          (await res.json()) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }
        ).data.result;
      };
      const up = await waitFor(async () => (await query('up{job="little-monster-api"} == 1')).length > 0, 20_000).catch(
        () => {
          throw new Error(`Prometheus never scraped ${target}: ${log}`);
        },
      );
      expect(up).toBe(true);
      const sum = await waitFor(async () => {
        const [r] = await query("lm_realtime_connections:sum");
        return r && Number(r.value[1]) === 2 ? r : null;
      }, 20_000);
      expect(sum.metric.__name__).toBe("lm_realtime_connections:sum");
      // A rule over a rate needs two scrapes; the request-rate rule then has the API's job label.
      const [rate] = await waitFor(async () => {
        const r = await query("job:lm_http_requests:rate5m");
        return r.length ? r : null;
      }, 20_000);
      expect(rate.metric.job).toBe("little-monster-api");
      // The rules loaded with no evaluation errors.
      const health = (await (await fetch(`http://127.0.0.1:${port}/api/v1/rules`)).json()) as {
        data: { groups: Array<{ rules: Array<{ name: string; health: string; lastError?: string }> }> };
      };
      const rules = health.data.groups.flatMap((g) => g.rules);
      expect(rules.length).toBe(loadRules().length);
      expect(rules.filter((r) => r.health === "err")).toEqual([]);
    } finally {
      for (const ws of sockets) ws.close();
      if (prometheus?.pid) {
        const exited = new Promise((resolve) => prometheus?.once("exit", resolve));
        prometheus.kill("SIGTERM");
        await exited;
      }
    }
  });
});
