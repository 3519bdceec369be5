// POST /auth/login: the client keeps the tokens; the caller puts the user into the auth context.
import type { LoginInput } from "@lm/core";
import { api } from "../../../lib/api";

export const login = (input: LoginInput) => api.login(input);
