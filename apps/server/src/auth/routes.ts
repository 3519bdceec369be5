// /auth/*: parse, call the service, present. Rules live in service.ts.
import { contract } from "@lm/core";
import { type Request, Router } from "express";
import type { AppContext } from "../context.js";
import { endpointRouter } from "../http/endpoint.js";
import { ipLimit } from "../http/rate-limit.js";

const meta = (req: Request) => ({ ip: req.ip, userAgent: req.headers["user-agent"] });

export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  const on = endpointRouter(r, ctx.config);
  const { auth } = contract();
  const perIp = { before: [ipLimit(ctx.authLimits, "auth", ctx.config.rateLimits.authPerIp)] };

  on(auth.register, ({ body }, req) => ctx.auth.register(body, meta(req)), perIp);
  on(auth.login, ({ body }, req) => ctx.auth.login(body, meta(req)), perIp);
  on(auth.refresh, async ({ body }) => ({ session: await ctx.auth.refresh(body.refreshToken) }), perIp);
  on(auth.logout, async (_input, req) => {
    await ctx.auth.logout(req.auth!);
  });
  on(auth.verifyEmail, ({ body }) => ctx.auth.verifyEmail(body.token), perIp);
  on(auth.resendVerification, (_input, req) => ctx.auth.resendVerification(req.auth!));
  on(
    auth.forgotPassword,
    async ({ body }) => {
      await ctx.auth.forgotPassword(body.email);
      return {};
    },
    perIp,
  );
  on(
    auth.resetPassword,
    async ({ body }) => {
      await ctx.auth.resetPassword(body.token, body.password);
      return {};
    },
    perIp,
  );
  return r;
}
