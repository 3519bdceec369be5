import { configDefaults, defineProject } from "vitest/config";

const onServer = Boolean(process.env.DATABASE_URL);

// The PostgreSQL pass (`server:pg`, DATABASE_URL set) reruns what the database driver can change:
// the integration tests under test/ and config.test.ts (which reads DATABASE_URL). Unit tests under
// src/ (the llama.cpp provider among them) and the deploy configs' tests behave the same on either
// driver, so they run once, in `server:pglite`.
const everywhere = ["src/**/*.test.ts", "test/**/*.test.ts"];
const onServerOnly = ["src/config.test.ts", "test/**/*.test.ts"];
const driverIndependent = ["test/ops/nginx.test.ts", "test/ops/prometheus.test.ts", "test/ops/compose.test.ts"];

// Integration tests start real servers on real databases, so give them room.
export default defineProject({
  test: {
    name: onServer ? "server:pg" : "server:pglite",
    include: onServer ? onServerOnly : everywhere,
    exclude: onServer ? [...configDefaults.exclude, ...driverIndependent] : configDefaults.exclude,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
  },
});
