// /users/*
import { IdParam, UserUpdateInput } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import { requireAuth } from "../http/auth.js";
import { parse } from "../http/validate.js";

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/me", requireAuth, async (req, res) => {
    res.json(await ctx.users.me(req.auth!));
  });
  r.get("/:id", async (req, res) => {
    res.json(await ctx.users.get(parse(IdParam, req.params, "params").id, req.auth));
  });
  r.patch("/:id", requireAuth, async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    res.json(await ctx.users.update(id, req.auth!, parse(UserUpdateInput, req.body)));
  });
  r.delete("/:id", requireAuth, async (req, res) => {
    await ctx.users.remove(parse(IdParam, req.params, "params").id, req.auth!);
    res.status(204).end();
  });
  r.get("/:id/stats", requireAuth, async (req, res) => {
    res.json(await ctx.users.stats(parse(IdParam, req.params, "params").id, req.auth!));
  });
  return r;
}
