// The real renderer: the system Chromium loads the web build (built from source by the global
// setup) with the app's CSP, the real bundled preload on a fake IPC, and a stand-in API that
// answers with contract-shaped data.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildCsp } from "../../src/main/csp.js";
import { inlineScriptHashes } from "../../src/main/script-hashes.js";
import { Channel } from "../../src/shared/ipc.js";
import { type ContractApi, SAMPLE_VIDEO, serveContractApi } from "./contract-api.js";
import { appCsp, CHROMIUM, CHROMIUM_ARGS, preloadInitScript, type Served, serveWebBuild } from "./harness.js";

const distDir = path.resolve(import.meta.dirname, "../../dist");
const webRoot = path.join(distDir, "web");
const preloadFile = path.join(distDir, "preload.cjs");
const fixtureRoot = path.resolve(import.meta.dirname, "../fixtures/web");
const ID = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";

interface Violation {
  directive: string;
  blocked: string;
}

let browser: Browser;
let api: ContractApi;
const servers: Served[] = [];
const pageErrors: string[] = [];

/** Opens the web build served with `csp`, with the preload injected; returns the page. */
async function open(csp: string, { root = webRoot, serverUrl = api.origin, errors = pageErrors } = {}): Promise<Page> {
  const web = await serveWebBuild(root, csp);
  servers.push(web);
  const page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript({
    content: preloadInitScript(preloadFile, { appVersion: "9.9.9-test", serverUrl, platform: "linux" }),
  });
  await page.goto(`${web.origin}/`, { waitUntil: "load" });
  return page;
}

/** Appends an inline <script> and waits for the CSP verdict. */
const probeInlineScript = (page: Page) =>
  page.evaluate(async () => {
    const before = window.__violations.length;
    const script = document.createElement("script");
    script.textContent = "window.__inlineInjected = true;";
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 50));
    return {
      ran: (window as unknown as Record<string, unknown>).__inlineInjected === true,
      violations: window.__violations.slice(before),
    };
  });

// DevTools evaluations may always eval (CDP's allowUnsafeEvalBlockedByCSP), so the probe
// schedules the eval in a task of the page's own, where the page's CSP applies.
const probeEval = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ eval: string; fn: string; violations: Violation[] }>((resolve) => {
        const before = window.__violations.length;
        setTimeout(() => {
          const outcome = (f: () => unknown) => {
            try {
              return f() === 2 ? "ran" : "odd";
            } catch (error) {
              return (error as Error).name;
            }
          };
          // biome-ignore lint/security/noGlobalEval: the point of the test is that eval is blocked
          const result = { eval: outcome(() => eval("1 + 1")), fn: outcome(() => new Function("return 1 + 1")()) };
          setTimeout(() => resolve({ ...result, violations: window.__violations.slice(before) }), 50);
        }, 0);
      }),
  );

declare global {
  interface Window {
    __violations: Violation[];
    __fakeIpc: { sent: unknown[][]; invoked: unknown[][]; emit(channel: string, ...args: unknown[]): void };
    __links: unknown[];
  }
}

beforeAll(async () => {
  if (!existsSync(preloadFile)) throw new Error(`no ${preloadFile}: the global setup should have built it`);
  api = await serveContractApi();
  servers.push(api);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe(`renderer in Chromium (web build from ${inject("desktopWebSource")})`, () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(appCsp(distDir, api.origin));
  });

  // First, before the deep-link test navigates away from the feed.
  it("shows the feed from its own bundle, every API call answered by the contract", async () => {
    await page.getByRole("heading", { name: SAMPLE_VIDEO.title }).first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelectorAll("script[type=module][src]").length)).toBeGreaterThan(0);
    expect(api.calls.filter((c) => c.status !== 200)).toEqual([]);
    expect(api.calls.map((c) => c.path)).toContain("/api/v1/videos");
    expect(pageErrors).toEqual([]);
  });

  it("exposes a frozen bridge with the app version from the main process", async () => {
    const bridge = await page.evaluate(() => {
      const b = window.littleMonster;
      return (
        b && { appVersion: b.appVersion, serverUrl: b.serverUrl, frozen: Object.isFrozen(b), keys: Object.keys(b) }
      );
    });
    expect(bridge).toMatchObject({ appVersion: "9.9.9-test", serverUrl: api.origin, frozen: true });
    expect(bridge?.keys.sort()).toEqual(
      ["appVersion", "notify", "onDeepLink", "onNavigate", "openAtLogin", "platform", "serverUrl", "updateTray"].sort(),
    );
  });

  it("notify() reaches the main process over IPC", async () => {
    const result = await page.evaluate(() =>
      window.littleMonster?.notify({ title: "Biology exam", body: "in 30 min" }),
    );
    expect(result).toBe(true);
    expect(await page.evaluate(() => window.__fakeIpc.invoked)).toContainEqual([
      Channel.notify,
      { title: "Biology exam", body: "in 30 min" },
    ]);
  });

  it("fires the deep-link callback for valid links only", async () => {
    await page.evaluate(() => {
      window.__links = [];
      window.littleMonster?.onDeepLink((link) => window.__links.push(link));
    });
    await page.evaluate(
      ([channel, id]) => {
        window.__fakeIpc.emit(channel, { kind: "video", id });
        window.__fakeIpc.emit(channel, { kind: "video", id: "../x" });
      },
      [Channel.deepLink, ID] as const,
    );
    expect(await page.evaluate(() => window.__links)).toEqual([{ kind: "video", id: ID }]);
  });

  it("runs the build's own scripts, styles and hashed inline scripts without a violation", async () => {
    const all = await page.evaluate(() => window.__violations);
    // Libraries feature-detect eval and fall back (zod 4 does unless z.config({ jitless: true })):
    // tolerated only while nothing on the page failed because of it.
    const evalProbes = all.filter((v) => v.blocked === "eval");
    if (evalProbes.length > 0) console.warn(`web build probed eval ${evalProbes.length}× (blocked, tolerated)`);
    expect(pageErrors).toEqual([]);
    expect(
      all.filter((v) => v.blocked !== "eval"),
      "the web build must run under the desktop CSP: no injected inline <script> or <style>, no inline " +
        "event handlers, no remote origin but the API server",
    ).toEqual([]);
  });

  it("blocks an injected inline <script>", async () => {
    const { ran, violations } = await probeInlineScript(page);
    expect(ran).toBe(false);
    expect(violations).toContainEqual(expect.objectContaining({ directive: "script-src-elem", blocked: "inline" }));
  });

  it("blocks eval() and new Function()", async () => {
    const result = await probeEval(page);
    expect(result).toMatchObject({ eval: "EvalError", fn: "EvalError" });
    expect(result.violations).toContainEqual(expect.objectContaining({ directive: "script-src", blocked: "eval" }));
  });

  it("blocks inline event handlers", async () => {
    const ran = await page.evaluate(async () => {
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__handlerRan = true");
      img.src = "data:image/png;base64,broken";
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as Record<string, unknown>).__handlerRan === true;
    });
    expect(ran).toBe(false);
  });

  it("lets the page call the configured server and nothing else", async () => {
    const results = await page.evaluate(async (apiOrigin) => {
      const attempt = (url: string) =>
        fetch(url).then(
          (r) => `status ${r.status}`,
          (e: Error) => `failed ${e.name}`,
        );
      return { api: await attempt(`${apiOrigin}/health`), other: await attempt("https://evil.example/steal") };
    }, api.origin);
    expect(results.api).toBe("status 200");
    expect(results.other).toBe("failed TypeError");
    const violations = await page.evaluate(() => window.__violations);
    expect(violations).toContainEqual(expect.objectContaining({ directive: "connect-src" }));
  });
});

describe("the probes are sensitive (control)", () => {
  it("with a weakened CSP the same inline script and eval do run", async () => {
    // Without the build's hashes: next to a hash, browsers ignore 'unsafe-inline' by design.
    const weak = buildCsp(api.origin).replace("script-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    const page = await open(weak);
    expect((await probeInlineScript(page)).ran).toBe(true);
    expect(await probeEval(page)).toMatchObject({ eval: "ran", fn: "ran", violations: [] });
  });
});

describe("the web build with a server that answers nonsense", () => {
  it("shows an error state, not a crash, when the feed's answer is not a page of lessons", async () => {
    const malformed = await serveContractApi({ malformed: true });
    servers.push(malformed);
    const errors: string[] = [];
    const page = await open(appCsp(distDir, malformed.origin), { serverUrl: malformed.origin, errors });
    await page.getByRole("heading", { name: "We couldn't load the feed" }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});

describe("a shipped inline script (fixture page)", () => {
  it("runs, allowed by the hash the build computes, while the policy stays free of 'unsafe-inline'", async () => {
    const hashes = inlineScriptHashes(readFileSync(path.join(fixtureRoot, "index.html"), "utf8"));
    const csp = buildCsp(api.origin, hashes);
    expect(csp).not.toContain("unsafe-inline");
    const errors: string[] = [];
    const page = await open(csp, { root: fixtureRoot, errors });
    await page.waitForFunction(() => document.body.dataset.app === "ready");
    expect(await page.locator("#root").textContent()).toBe("Desktop 9.9.9-test");
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__inlineRan)).toBe(true);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
