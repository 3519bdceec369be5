import { defineProject } from "vitest/config";

// Main-process modules with fakes, the bundled preload in a real Chromium, and electron-builder.
export default defineProject({
  test: {
    name: "desktop",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
