// Realtime: the WebSocket hub attached to the HTTP server.
import type { Feature } from "../feature.js";
import { attachRealtime } from "./hub.js";

export const realtimeFeature: Feature = {
  name: "realtime",
  async attach(server, ctx) {
    await attachRealtime(server, ctx, ctx.config.realtime);
  },
};
