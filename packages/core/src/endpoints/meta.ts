// The API's description of itself.
import type { IOFor, Routes } from "./define.js";

export const meta = {
  openapi: {
    method: "GET",
    path: "/openapi.json",
    access: "none",
    status: 200,
    tag: "Meta",
    summary: "This document (OpenAPI 3.1)",
    errors: [],
  },
} as const satisfies Routes;

export const metaIO = () => ({ openapi: {} }) satisfies IOFor<typeof meta>;
