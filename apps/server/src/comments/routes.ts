// /comments/*: parse, authorise, call the service, present.
import { CommentCreateInput, CommentListQuery, CommentUpdateInput, IdParam, ReportInput } from "@lm/core";
import { Router } from "express";
import { requireAuth, requireVerified } from "../http/auth.js";
import { parse } from "../http/validate.js";
import type { CommentsService } from "./service.js";

export function commentRoutes(comments: CommentsService, requireVerifiedEmail: boolean): Router {
  const r = Router();
  r.get("/", async (req, res) => {
    res.json(await comments.list(req.auth, parse(CommentListQuery, req.query, "query")));
  });
  r.post("/", requireVerified(requireVerifiedEmail), async (req, res) => {
    res.status(201).json(await comments.create(req.auth!, parse(CommentCreateInput, req.body)));
  });
  r.patch("/:id", requireAuth, async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    res.json(await comments.update(req.auth!, id, parse(CommentUpdateInput, req.body).text));
  });
  r.delete("/:id", requireAuth, async (req, res) => {
    await comments.remove(req.auth!, parse(IdParam, req.params, "params").id);
    res.status(204).end();
  });
  r.post("/:id/report", requireAuth, async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    await comments.report(req.auth!, id, parse(ReportInput, req.body).reason);
    res.status(202).json({});
  });
  return r;
}
