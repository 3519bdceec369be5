// /moderation/*: the comment review queue and the reported lessons, for MODERATOR and ADMIN only.
import { contract } from "@lm/core";
import { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import type { ModerationService } from "./service.js";

export function moderationRoutes(moderation: ModerationService): Router {
  const r = Router();
  // Every endpoint here is `moderator`: the email check never applies.
  const on = endpointRouter(r, { requireVerifiedEmail: false });
  const { moderation: ep } = contract();
  on(ep.queue, ({ query }, req) => moderation.queue(req.auth!, query));
  on(ep.decideComment, ({ params, body }, req) => moderation.decide(req.auth!, params.id, body.decision));
  on(ep.videos, ({ query }, req) => moderation.videoQueue(req.auth!, query));
  on(ep.decideVideo, ({ params, body }, req) => moderation.decideVideo(req.auth!, params.id, body));
  return r;
}
