// GET /capabilities: what this server can do, so the apps adapt the lesson form.
import { Capabilities } from "../schemas/capabilities.js";
import type { IOFor, Routes } from "./define.js";

export const capabilities = {
  get: {
    method: "GET",
    path: "/capabilities",
    access: "none",
    status: 200,
    tag: "Videos",
    summary: "What this server can do: text and speech providers, whether a topic alone is enough, video",
    errors: [],
  },
} as const satisfies Routes;

export const capabilitiesIO = () => ({ get: { response: Capabilities } }) satisfies IOFor<typeof capabilities>;
