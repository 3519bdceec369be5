// Feature modules beyond auth and users plug in here: routes, start-up work, server attachments.
import type { Server } from "node:http";
import type { Router } from "express";
import type { AppContext } from "./context.js";
import { backupFeature } from "./backup/feature.js";
import { capabilitiesFeature } from "./capabilities/feature.js";
import { cardsFeature } from "./cards/feature.js";
import { commentsFeature } from "./comments/feature.js";
import { moderationFeature } from "./moderation/feature.js";
import { notificationsFeature } from "./notifications/feature.js";
import { plannerFeature } from "./planner/feature.js";
import { ratingsFeature } from "./ratings/feature.js";
import { realtimeFeature } from "./realtime/feature.js";
import { videosFeature } from "./videos/feature.js";

export interface Feature {
  name: string;
  /** Start-up work after migrations (workers, listeners); may add health checks and closers. */
  init?(ctx: AppContext): Promise<void>;
  /** Mounts routes on the /api/v1 router. */
  routes?(api: Router, ctx: AppContext): void;
  /** Attaches to the HTTP server (e.g. WebSocket upgrades). */
  attach?(server: Server, ctx: AppContext): Promise<void>;
}

export const features: Feature[] = [
  capabilitiesFeature,
  videosFeature,
  commentsFeature,
  moderationFeature,
  ratingsFeature,
  plannerFeature,
  cardsFeature,
  notificationsFeature,
  realtimeFeature,
  backupFeature,
];
