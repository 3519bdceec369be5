import { defineProject } from "vitest/config";

// Integration tests start real servers on real databases, so give them room.
export default defineProject({
  test: {
    name: process.env.DATABASE_URL ? "server:pg" : "server:pglite",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
