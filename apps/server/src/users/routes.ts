// /users/*
import { contract } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import { endpointRouter } from "../http/endpoint.js";

export function userRoutes(ctx: AppContext): Router {
  const r = Router();
  const on = endpointRouter(r, ctx.config);
  const { users } = contract();
  on(users.me, (_input, req) => ctx.users.me(req.auth!));
  on(users.get, ({ params }, req) => ctx.users.get(params.id, req.auth));
  on(users.update, ({ params, body }, req) => ctx.users.update(params.id, req.auth!, body));
  on(users.remove, async ({ params }, req) => {
    await ctx.users.remove(params.id, req.auth!);
  });
  on(users.stats, ({ params }, req) => ctx.users.stats(params.id, req.auth!));
  return r;
}
