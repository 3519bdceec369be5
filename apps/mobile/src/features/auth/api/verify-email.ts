// POST /auth/verify-email: confirms the address from the e-mailed single-use token.
import { api } from "../../../lib/api";

export const verifyEmail = (token: string) => api.verifyEmail(token);
