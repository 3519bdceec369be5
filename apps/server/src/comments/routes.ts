// /comments/*: parse, authorise, call the service, present.
import { contract } from "@lm/core";
import { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import type { CommentsService } from "./service.js";

export function commentRoutes(comments: CommentsService, requireVerifiedEmail: boolean): Router {
  const r = Router();
  const on = endpointRouter(r, { requireVerifiedEmail });
  const { comments: ep } = contract();
  on(ep.list, ({ query }, req) => comments.list(req.auth, query));
  on(ep.create, ({ body }, req) => comments.create(req.auth!, body));
  on(ep.update, ({ params, body }, req) => comments.update(req.auth!, params.id, body.text));
  on(ep.remove, async ({ params }, req) => {
    await comments.remove(req.auth!, params.id);
  });
  on(ep.report, async ({ params, body }, req) => {
    await comments.report(req.auth!, params.id, body.reason);
    return {};
  });
  return r;
}
