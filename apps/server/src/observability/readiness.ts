// /healthz, /readyz and /metrics for a process without the API (ROLE=worker), so the container's
// health check and Prometheus see workers too. /readyz asks every check in ctx.health.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type RequestHandler } from "express";
import type { AppContext } from "../context.js";
import { metricsEndpoint } from "../http/metrics.js";
import { notFoundHandler, problemHandler } from "../http/problem.js";

const CHECK_TIMEOUT_MS = 2000;

/** 200 when every dependency answers, else 503; the body names each one's state. */
export function readiness(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(ctx.health).map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error("timeout")), CHECK_TIMEOUT_MS);
          });
          return [name, await Promise.race([check(), timeout])] as const;
        } catch (err) {
          return [name, { ok: false, detail: err instanceof Error ? err.message : String(err) }] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const body = Object.fromEntries(
      entries.map(([n, r]) => [n, r.ok ? (r.detail ?? "ok") : `down: ${r.detail ?? "unavailable"}`]),
    );
    res.status(entries.every(([, r]) => r.ok) ? 200 : 503).json(body);
  };
}

/** Starts the worker's small HTTP server on config.port; close() stops it. */
export async function startOpsServer(ctx: AppContext): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", (_req, res) => void res.json({ status: "ok", role: ctx.config.role }));
  app.get("/readyz", readiness(ctx));
  app.get("/metrics", metricsEndpoint(ctx.config.metricsToken));
  app.use(notFoundHandler);
  app.use(problemHandler);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(ctx.config.port, ctx.config.host, () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${ctx.config.host.includes(":") ? `[${ctx.config.host}]` : ctx.config.host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
