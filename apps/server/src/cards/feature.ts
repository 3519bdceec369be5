// Review cards (issue 17): the deck, FSRS reviews, mastery and quiz answers.
import type { AppContext } from "../context.js";
import type { Feature } from "../feature.js";
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
};
