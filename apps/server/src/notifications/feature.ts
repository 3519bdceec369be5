// Notifications feature: mounts the inbox routes. Reminders (planner) and others insert rows.
import type { Feature } from "../features.js";
import { notificationRoutes } from "./routes.js";
import { NotificationsService } from "./service.js";

export const notificationsFeature: Feature = {
  name: "notifications",
  routes(api, ctx) {
    api.use("/notifications", notificationRoutes(new NotificationsService(ctx.db)));
  },
};
