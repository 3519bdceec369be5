// POST /auth/logout: the client clears the tokens even when the server cannot be reached.
import { api } from "../../../lib/api";

export const logout = () => api.logout().catch(() => undefined);
