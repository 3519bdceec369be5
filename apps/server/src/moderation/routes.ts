// /moderation/*: the comment review queue and the reported lessons, for MODERATOR and ADMIN only.
import { IdParam, ModerationDecisionInput, PageQuery, VideoModerationInput } from "@lm/core";
import { Router } from "express";
import { requireRole } from "../http/auth.js";
import { parse } from "../http/validate.js";
import type { ModerationService } from "./service.js";

export function moderationRoutes(moderation: ModerationService): Router {
  const r = Router();
  r.use(requireRole("MODERATOR", "ADMIN"));
  r.get("/queue", async (req, res) => {
    res.json(await moderation.queue(req.auth!, parse(PageQuery, req.query, "query")));
  });
  r.post("/comments/:id", async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    res.json(await moderation.decide(req.auth!, id, parse(ModerationDecisionInput, req.body).decision));
  });
  r.get("/videos", async (req, res) => {
    res.json(await moderation.videoQueue(req.auth!, parse(PageQuery, req.query, "query")));
  });
  r.post("/videos/:id", async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    res.json(await moderation.decideVideo(req.auth!, id, parse(VideoModerationInput, req.body)));
  });
  return r;
}
