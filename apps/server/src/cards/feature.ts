// Review cards (issue 17): the deck, FSRS reviews, mastery and quiz answers.
import type { AppContext } from "../context.js";
import type { Feature } from "../feature.js";
import { JOBS } from "../jobs/queues.js";
import { runAutoFit } from "./auto-fit.js";
import { cardRoutes } from "./routes.js";
import { CardsService } from "./service.js";

const services = new WeakMap<AppContext, CardsService>();

/** The context's cards service (tests reach its clock through this). */
export function cardsService(ctx: AppContext): CardsService {
  let s = services.get(ctx);
  if (!s) {
    s = new CardsService(ctx.db, ctx.config.cardsOptimizer);
    services.set(ctx, s);
  }
  return s;
}

export const cardsFeature: Feature = {
  name: "cards",
  routes(api, ctx) {
    const s = cardsService(ctx);
    api.use(cardRoutes(s, ctx.db));
  },
  async init(ctx) {
    if (!ctx.runsWorkers) return;
    const { cardsAutoFit, cardsOptimizer } = ctx.config;
    await ctx.queue.work(JOBS.cardsAutoFit, { concurrency: 1 }, async () => {
      const now = cardsService(ctx).now();
      const r = await runAutoFit(ctx, cardsOptimizer, cardsAutoFit, now);
      ctx.log.info(
        { fitted: r.fitted.length, refused: r.refused.length, failed: r.failed.length },
        "FSRS auto-fit run",
      );
    });
    // pg-boss keeps one schedule per queue across the workers, so each run happens once.
    if (cardsAutoFit.cron) await ctx.queue.boss.schedule(JOBS.cardsAutoFit, cardsAutoFit.cron, {}, { tz: "UTC" });
    else await ctx.queue.boss.unschedule(JOBS.cardsAutoFit);
  },
};
