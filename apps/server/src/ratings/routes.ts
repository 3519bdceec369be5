// /ratings/*: rate a video, its public summary, and your own rating.
import { Id, RatingInput } from "@lm/core";
import { Router } from "express";
import { z } from "zod";
import { requireAuth, requireVerified } from "../http/auth.js";
import { parse } from "../http/validate.js";
import type { RatingsService } from "./service.js";

const SummaryQuery = z.object({ videoId: Id });
const UserVideoParams = z.object({ userId: Id, videoId: Id });

export function ratingRoutes(ratings: RatingsService, requireVerifiedEmail: boolean): Router {
  const r = Router();
  r.post("/", requireVerified(requireVerifiedEmail), async (req, res) => {
    const input = parse(RatingInput, req.body);
    res.json(await ratings.rate(req.auth!, input.videoId, input.stars));
  });
  r.get("/", async (req, res) => {
    res.json(await ratings.summary(req.auth, parse(SummaryQuery, req.query, "query").videoId));
  });
  r.get("/user/:userId/video/:videoId", requireAuth, async (req, res) => {
    const { userId, videoId } = parse(UserVideoParams, req.params, "params");
    res.json(await ratings.ofUser(req.auth!, userId, videoId));
  });
  return r;
}
