// The videos feature: routes, the generation worker, and the first-start samples.
import { currentLsn } from "../db/replica.js";
import type { Feature } from "../feature.js";
import { whileListening } from "./feed-cache.js";
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
      const invalidate = () => {
        // With a replica, the position after the change bounds which replica may rebuild pages.
        const lsn = ctx.replica ? currentLsn(ctx.db) : Promise.resolve(null);
        lsn.then((at) => cache.invalidate(at)).catch((err) => ctx.log.warn({ err }, "feed cache invalidation failed"));
      };
      // After a lost connection every page is suspect: invalidations may have been missed.
      const stop = await ctx.db.listen("lm_feed", invalidate, { onGap: invalidate });
      ctx.closers.push(stop);
      ctx.feedCache = whileListening(cache, () => ctx.db.listening());
    }
  },
  routes(api, ctx) {
    api.use(videoRoutes(ctx, new VideosService(ctx)));
    api.use(mediaRoutes(ctx));
  },
};
