// The videos feature: routes, the generation worker, and the first-start samples.
import { currentLsn } from "../db/replica.js";
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
    const cache = ctx.feedCache;
    if (cache) {
      const stop = await ctx.db.listen("lm_feed", () => {
        // With a replica, the position after the change bounds which replica may rebuild pages.
        const lsn = ctx.replica ? currentLsn(ctx.db) : Promise.resolve(null);
        lsn.then((at) => cache.invalidate(at)).catch((err) => ctx.log.warn({ err }, "feed cache invalidation failed"));
      });
      ctx.closers.push(stop);
    }
  },
  routes(api, ctx) {
    api.use("/videos", videoRoutes(ctx, new VideosService(ctx)));
  },
};
