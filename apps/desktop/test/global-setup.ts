// Builds dist/ once per test run (main bundle, preload bundle, and the web build or the fixture
// page); the renderer and packaging tests use the real build output.
import type { TestProject } from "vitest/node";
import { build } from "../scripts/build.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Which page dist/web holds: the real apps/web build or test/fixtures/web. */
    desktopWeb: "web-build" | "fixture";
    desktopWebSource: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const result = await build({ allowFixtureWeb: true });
  project.provide("desktopWeb", result.web);
  project.provide("desktopWebSource", result.webSource);
}
