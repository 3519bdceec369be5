// Prometheus metrics: request duration by method, route pattern and status; /metrics guarded.
import type { Request, RequestHandler } from "express";
import client from "prom-client";
import { AppError } from "./errors.js";

export const registry = client.register;
let collecting = false;

function histogram() {
  const existing = registry.getSingleMetric("http_request_duration_seconds");
  if (existing) return existing as client.Histogram<"method" | "route" | "status">;
  return new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration in seconds",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
}

export function requestMetrics(): RequestHandler {
  if (!collecting) {
    client.collectDefaultMetrics();
    collecting = true;
  }
  const h = histogram();
  return (req, res, next) => {
    const end = h.startTimer();
    res.on("finish", () => {
      // The route pattern, never the raw URL: ids would explode the label set.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : "unmatched";
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** Loopback callers need nothing; anyone else needs METRICS_TOKEN. Uses the socket, not X-Forwarded-For. */
export function metricsEndpoint(token: string | undefined): RequestHandler {
  return async (req: Request, res) => {
    const fromLoopback = LOOPBACK.has(req.socket.remoteAddress ?? "") && !req.headers["x-forwarded-for"];
    const bearer = req.headers.authorization === `Bearer ${token}`;
    if (!fromLoopback && !(token && bearer)) throw new AppError("forbidden", "Metrics need METRICS_TOKEN");
    res.type(registry.contentType).send(await registry.metrics());
  };
}
