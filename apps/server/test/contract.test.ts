// Every route under /api/v1 is declared in @lm/core (packages/core/src/endpoints), and every
// declaration is mounted: walks the Express app's router stack, so a route added with a plain
// `router.get(...)` (not from its declaration) fails here, and so does a declaration no feature mounts.
import { type Endpoint, contract } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { type TestServer, startTestServer } from "./harness.js";

interface Layer {
  rawPath?: string;
  handle: { stack?: Layer[] };
  route?: { path: string; methods: Record<string, boolean> };
}

/** "METHOD /full/path" of every route in a router stack, mounted paths prefixed. */
function routesOf(stack: Layer[], prefix = ""): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter((m) => m !== "_all")
        .map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
    }
    if (!layer.handle.stack) return [];
    const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
    return routesOf(layer.handle.stack, prefix + mount);
  });
}

/** Routes not yet declared in @lm/core (should shrink to nothing; empty since issue 14 item 1). */
const NOT_YET_DECLARED: string[] = [];

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.stop());

describe("endpoint declarations", () => {
  it("match the mounted /api/v1 routes one to one", () => {
    const app = buildApp(s.ctx) as unknown as { router: { stack: Layer[] } };
    const mounted = routesOf(app.router.stack)
      .filter((r) => r.split(" ")[1].startsWith("/api/v1/"))
      .map((r) => r.replace(" /api/v1", " "));
    const declared = Object.values(contract()).flatMap((feature) =>
      (Object.values(feature) as Endpoint[]).map((ep) => `${ep.method} ${ep.path}`),
    );
    expect(mounted.length).toBeGreaterThan(50);
    expect(new Set(mounted).size, "a route is mounted twice").toBe(mounted.length);
    expect(
      mounted.filter((r) => !declared.includes(r) && !NOT_YET_DECLARED.includes(r)),
      "mounted without a declaration",
    ).toEqual([]);
    expect(
      declared.filter((r) => !mounted.includes(r)),
      "declared but not mounted",
    ).toEqual([]);
  });
});
