// Planner feature: wires services, the reminder workers and the stats hook into the app.
import { createHmac } from "node:crypto";
import { resolveJwtSecret } from "../auth/index.js";
import type { AppContext } from "../context.js";
import type { Feature } from "../feature.js";
import { CalendarService } from "./calendar.js";
import { PlanService } from "./plan.js";
import { Reminders } from "./reminders.js";
import { type PlannerServices, plannerRoutes } from "./routes.js";
import { EventsService } from "./service.js";
import { plannerStats } from "./stats.js";

const services = new WeakMap<AppContext, PlannerServices & { reminders: Reminders }>();

function build(ctx: AppContext) {
  const reminders = new Reminders(ctx);
  // Same secret source as the JWT keys (JWT_SECRET or the one kept in $DATA_DIR), own derivation.
  const dataDir = ctx.config.env === "test" && !ctx.config.dataDir ? null : ctx.config.dataDir;
  const key = createHmac("sha256", resolveJwtSecret(ctx.config.jwtSecret, dataDir)).update("calendar-feed").digest();
  return {
    reminders,
    events: new EventsService(ctx.db, reminders),
    calendar: new CalendarService(ctx.db, reminders, key, ctx.config.appUrl),
    plan: new PlanService(ctx.db, reminders, ctx.config.appUrl),
  };
}

export const plannerFeature: Feature = {
  name: "planner",
  async init(ctx) {
    const s = build(ctx);
    services.set(ctx, s);
    ctx.users.plannerStats = plannerStats(ctx.db);
    if (ctx.runsWorkers) await s.reminders.start();
  },
  routes(api, ctx) {
    const s = services.get(ctx) ?? build(ctx);
    api.use(plannerRoutes(s, ctx.config.bodyLimit));
  },
};
