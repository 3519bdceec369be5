// The ratings feature: mounts /ratings (counters are kept by database triggers, not here).
import type { Feature } from "../feature.js";
import { ratingRoutes } from "./routes.js";
import { RatingsService } from "./service.js";

export const ratingsFeature: Feature = {
  name: "ratings",
  routes(api, ctx) {
    api.use(ratingRoutes(new RatingsService(ctx.db), ctx.config.requireVerifiedEmail));
  },
};
