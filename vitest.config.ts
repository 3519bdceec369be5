import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";

// One runner for every workspace; each project keeps its own config beside its code.
const projects = ["packages/core", "apps/server", "apps/web", "apps/desktop"].filter((p) =>
  existsSync(`${p}/vitest.config.ts`),
);

export default defineConfig({ test: { projects } });
