// POST /auth/resend-verification: another verification e-mail for the signed-in student.
import { api } from "../../../lib/api";

export const resendVerification = () => api.resendVerification();
