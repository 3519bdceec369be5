// GET /capabilities: what this server's generator can do (e.g. whether a topic alone is enough).
import { api } from "../../../lib/api";

export const getCapabilities = () => api.capabilities();
