// POST /auth/reset-password: a new password from the e-mailed single-use token.
import { api } from "../../../lib/api";

export const resetPassword = (token: string, password: string) => api.resetPassword(token, password);
