// Notifications feature: mounts the inbox routes. Reminders (planner) and others insert rows.
import type { Feature } from "../feature.js";
import { notificationRoutes } from "./routes.js";
import { NotificationsService } from "./service.js";

export const notificationsFeature: Feature = {
  name: "notifications",
  routes(api, ctx) {
    api.use(notificationRoutes(new NotificationsService(ctx.db)));
  },
};
