// The moderation feature: mounts the review queue.
import type { Feature } from "../feature.js";
import { moderationRoutes } from "./routes.js";
import { ModerationService } from "./service.js";

export const moderationFeature: Feature = {
  name: "moderation",
  routes(api, ctx) {
    api.use(moderationRoutes(new ModerationService(ctx.db)));
  },
};
