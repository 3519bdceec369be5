// Study activity (issue 15 item 6): watch-time heartbeats; planner/stats.ts counts them (and
// finished quizzes) into study minutes and streaks.
import type { Feature } from "../feature.js";
import { watchRoutes } from "./routes.js";
import { WatchService } from "./watch.js";

export const studyFeature: Feature = {
  name: "study",
  routes(api, ctx) {
    api.use(watchRoutes(ctx, new WatchService(ctx.db)));
  },
};
