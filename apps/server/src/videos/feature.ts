// The videos feature: routes, the generation worker, and the first-start samples.
import type { Feature } from "../features.js";
import { videoRoutes } from "./routes.js";
import { seedSamples } from "./seed.js";
import { VideosService } from "./service.js";
import { startVideoWorkers } from "./worker.js";

export const videosFeature: Feature = {
  name: "videos",
  async init(ctx) {
    if (ctx.config.seedDemo) await seedSamples(ctx);
    if (ctx.runsWorkers) await startVideoWorkers(ctx);
  },
  routes(api, ctx) {
    api.use("/videos", videoRoutes(ctx, new VideosService(ctx)));
  },
};
