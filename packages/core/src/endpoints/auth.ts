// /auth/*: accounts and sessions.
import { z } from "zod";
import {
  AuthResult,
  ForgotPasswordInput,
  LoginInput,
  RefreshInput,
  RegisterInput,
  ResetPasswordInput,
  Session,
  TokenInput,
} from "../schemas/auth.js";
import { Empty } from "../schemas/common.js";
import { User } from "../schemas/users.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Auth";

export const auth = {
  register: {
    method: "POST",
    path: "/auth/register",
    access: "none",
    status: 201,
    tag,
    summary: "Create an account",
    errors: ["email_taken", "rate_limited"],
  },
  login: {
    method: "POST",
    path: "/auth/login",
    access: "none",
    status: 200,
    tag,
    summary: "Log in",
    errors: ["invalid_credentials", "rate_limited"],
  },
  refresh: {
    method: "POST",
    path: "/auth/refresh-token",
    access: "none",
    status: 200,
    tag,
    summary: "Rotate the refresh token",
    errors: ["invalid_refresh_token", "refresh_token_reused", "rate_limited"],
  },
  logout: {
    method: "POST",
    path: "/auth/logout",
    access: "user",
    status: 204,
    tag,
    summary: "End this session",
    errors: [],
  },
  verifyEmail: {
    method: "POST",
    path: "/auth/verify-email",
    access: "none",
    status: 200,
    tag,
    summary: "Verify an email address",
    errors: ["invalid_token", "rate_limited"],
  },
  resendVerification: {
    method: "POST",
    path: "/auth/resend-verification",
    access: "user",
    status: 202,
    tag,
    summary: "Send the verification email again",
    errors: ["rate_limited"],
  },
  forgotPassword: {
    method: "POST",
    path: "/auth/forgot-password",
    access: "none",
    status: 202,
    tag,
    summary: "Mail a password reset link",
    errors: ["rate_limited"],
  },
  resetPassword: {
    method: "POST",
    path: "/auth/reset-password",
    access: "none",
    status: 200,
    tag,
    summary: "Set a new password; ends every session",
    errors: ["invalid_token", "rate_limited"],
  },
} as const satisfies Routes;

export const authIO = () =>
  ({
    register: { body: RegisterInput, response: AuthResult },
    login: { body: LoginInput, response: AuthResult },
    refresh: { body: RefreshInput, response: z.object({ session: Session }) },
    logout: { body: Empty },
    verifyEmail: { body: TokenInput, response: z.object({ user: User }) },
    resendVerification: { body: Empty },
    forgotPassword: { body: ForgotPasswordInput },
    resetPassword: { body: ResetPasswordInput },
  }) satisfies IOFor<typeof auth>;
