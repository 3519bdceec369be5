// The shape every feature module exports; kept apart from features.ts, which imports every
// feature, so that a feature's own module does not import the list it is part of (no cycle).
import type { Server } from "node:http";
import type { Router } from "express";
import type { AppContext } from "./context.js";

export interface Feature {
  name: string;
  /** Start-up work after migrations (workers, listeners); may add health checks and closers. */
  init?(ctx: AppContext): Promise<void>;
  /** Mounts routes on the /api/v1 router. */
  routes?(api: Router, ctx: AppContext): void;
  /** Attaches to the HTTP server (e.g. WebSocket upgrades). */
  attach?(server: Server, ctx: AppContext): Promise<void>;
}
