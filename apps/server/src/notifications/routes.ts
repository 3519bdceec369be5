// /notifications: the signed-in user's inbox.
import { contract } from "@lm/core";
import { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import type { NotificationsService } from "./service.js";

export function notificationRoutes(service: NotificationsService): Router {
  const r = Router();
  // Every endpoint here is `user`: the email check never applies.
  const on = endpointRouter(r, { requireVerifiedEmail: false });
  const { notifications: ep } = contract();
  on(ep.list, ({ query }, req) => service.list(req.auth!.userId, query));
  on(ep.unreadCount, (_input, req) => service.unreadCount(req.auth!.userId));
  on(ep.readAll, async (_input, req) => {
    await service.markAllRead(req.auth!.userId);
  });
  on(ep.read, async ({ params }, req) => {
    await service.markRead(req.auth!.userId, params.id);
  });
  return r;
}
