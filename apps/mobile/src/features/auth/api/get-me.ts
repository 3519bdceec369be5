// GET /me: the signed-in student, checked at start-up against the saved session.
import { api } from "../../../lib/api";

export const getMe = () => api.me();
