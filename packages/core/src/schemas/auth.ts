import { z } from "zod";
import { DisplayName, User } from "./users.js";

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
/** Length only here; the server also refuses common passwords (it holds the list). */
export const Password = z.string().min(8, "Use at least 8 characters").max(128, "Use at most 128 characters");

export const RegisterInput = z.strictObject({ email: Email, password: Password, displayName: DisplayName });
export type RegisterInput = z.input<typeof RegisterInput>;
export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(128) });
export type LoginInput = z.input<typeof LoginInput>;
export const RefreshInput = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export const TokenInput = z.strictObject({ token: z.string().min(1).max(512) });
export const ForgotPasswordInput = z.strictObject({ email: Email });
export const ResetPasswordInput = z.strictObject({ token: z.string().min(1).max(512), password: Password });

export const Session = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const AuthResult = z.object({ user: User, session: Session });
export type AuthResult = z.infer<typeof AuthResult>;
