// POST /videos/:id/watch: a player's heartbeat (thin handler over WatchService).
import { contract } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import { endpointRouter } from "../http/endpoint.js";
import type { WatchService } from "./watch.js";

export function watchRoutes(ctx: AppContext, watch: WatchService): Router {
  const r = Router();
  const on = endpointRouter(r, ctx.config);
  on(contract().videos.watch, ({ params, body }, req) => watch.record(req.auth!.userId, params.id, body));
  return r;
}
