// The videos feature: routes, the generation worker, and the first-start samples.
import type { Feature } from "../features.js";
import { startRenderWorker } from "../media/render/queue.js";
import { mediaRoutes } from "../media/render/routes.js";
import { videoRoutes } from "./routes.js";
import { seedSamples } from "./seed.js";
import { VideosService } from "./service.js";
import { startVideoWorkers } from "./worker.js";

export const videosFeature: Feature = {
  name: "videos",
  async init(ctx) {
    if (ctx.config.seedDemo) await seedSamples(ctx);
    if (ctx.runsWorkers) {
      await startVideoWorkers(ctx);
      await startRenderWorker(ctx);
    }
    const cache = ctx.feedCache;
    if (cache) {
      const stop = await ctx.db.listen("lm_feed", () => {
        cache.invalidate().catch((err) => ctx.log.warn({ err }, "feed cache invalidation failed"));
      });
      ctx.closers.push(stop);
    }
  },
  routes(api, ctx) {
    api.use("/videos", videoRoutes(ctx, new VideosService(ctx)));
    api.use("/videos", mediaRoutes(ctx));
  },
};
