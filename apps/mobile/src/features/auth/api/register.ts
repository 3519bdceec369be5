// POST /auth/register: a new account, signed in at once.
import type { RegisterInput } from "@lm/core";
import { api } from "../../../lib/api";

export const register = (input: RegisterInput) => api.register(input);
