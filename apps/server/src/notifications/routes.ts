// /notifications: the signed-in user's inbox.
import { IdParam, PageQuery } from "@lm/core";
import { Router } from "express";
import { requireAuth } from "../http/auth.js";
import { parse } from "../http/validate.js";
import type { NotificationsService } from "./service.js";

export function notificationRoutes(service: NotificationsService): Router {
  const r = Router();
  r.use(requireAuth);
  r.get("/", async (req, res) => {
    res.json(await service.list(req.auth!.userId, parse(PageQuery, req.query, "query")));
  });
  r.get("/unread-count", async (req, res) => {
    res.json(await service.unreadCount(req.auth!.userId));
  });
  r.post("/read-all", async (req, res) => {
    await service.markAllRead(req.auth!.userId);
    res.status(204).end();
  });
  r.post("/:id/read", async (req, res) => {
    await service.markRead(req.auth!.userId, parse(IdParam, req.params, "params").id);
    res.status(204).end();
  });
  return r;
}
