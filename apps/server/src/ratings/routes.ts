// /ratings/*: rate a video, its public summary, and your own rating.
import { contract } from "@lm/core";
import { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import type { RatingsService } from "./service.js";

export function ratingRoutes(ratings: RatingsService, requireVerifiedEmail: boolean): Router {
  const r = Router();
  const on = endpointRouter(r, { requireVerifiedEmail });
  const { ratings: ep } = contract();
  on(ep.rate, ({ body }, req) => ratings.rate(req.auth!, body.videoId, body.stars));
  on(ep.summary, ({ query }, req) => ratings.summary(req.auth, query.videoId));
  on(ep.ofUser, ({ params }, req) => ratings.ofUser(req.auth!, params.userId, params.videoId));
  return r;
}
