import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One runner for every workspace; each project keeps its own config beside its code.
const projects = ["packages/core", "apps/server", "apps/web", "apps/desktop"].filter((p) =>
  existsSync(`${p}/vitest.config.ts`),
);

// Vitest's default is one worker fewer than the cores: a single worker on our 2-core machines, which
// left a core idle while test files import the server and wait on sockets, child processes and the
// database. One worker per core halves the suite's wall time; LM_TEST_WORKERS overrides it.
const maxWorkers = Number(process.env.LM_TEST_WORKERS) || Math.max(2, availableParallelism() - 1);

export default defineConfig({ test: { projects, maxWorkers } });
