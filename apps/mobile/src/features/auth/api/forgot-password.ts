// POST /auth/forgot-password: the answer is the same whether or not the address has an account.
import { api } from "../../../lib/api";

export const forgotPassword = (email: string) => api.forgotPassword(email);
