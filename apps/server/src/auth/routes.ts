// /auth/*: parse, call the service, present. Rules live in service.ts.
import {
  Empty,
  ForgotPasswordInput,
  LoginInput,
  RefreshInput,
  RegisterInput,
  ResetPasswordInput,
  TokenInput,
} from "@lm/core";
import { type Request, Router } from "express";
import type { AppContext } from "../context.js";
import { requireAuth } from "../http/auth.js";
import { ipLimit } from "../http/rate-limit.js";
import { parse } from "../http/validate.js";

const meta = (req: Request) => ({ ip: req.ip, userAgent: req.headers["user-agent"] });

export function authRoutes(ctx: AppContext): Router {
  const r = Router();
  const perIp = ipLimit(ctx.authLimits, "auth", ctx.config.rateLimits.authPerIp);

  r.post("/register", perIp, async (req, res) => {
    res.status(201).json(await ctx.auth.register(parse(RegisterInput, req.body), meta(req)));
  });
  r.post("/login", perIp, async (req, res) => {
    res.json(await ctx.auth.login(parse(LoginInput, req.body), meta(req)));
  });
  r.post("/refresh-token", perIp, async (req, res) => {
    res.json({ session: await ctx.auth.refresh(parse(RefreshInput, req.body).refreshToken) });
  });
  r.post("/logout", requireAuth, async (req, res) => {
    parse(Empty, req.body);
    await ctx.auth.logout(req.auth!);
    res.status(204).end();
  });
  r.post("/verify-email", perIp, async (req, res) => {
    res.json(await ctx.auth.verifyEmail(parse(TokenInput, req.body).token));
  });
  r.post("/resend-verification", requireAuth, async (req, res) => {
    parse(Empty, req.body);
    res.status(202).json(await ctx.auth.resendVerification(req.auth!));
  });
  r.post("/forgot-password", perIp, async (req, res) => {
    await ctx.auth.forgotPassword(parse(ForgotPasswordInput, req.body).email);
    res.status(202).json({});
  });
  r.post("/reset-password", perIp, async (req, res) => {
    const input = parse(ResetPasswordInput, req.body);
    await ctx.auth.resetPassword(input.token, input.password);
    res.json({});
  });
  return r;
}
