// Renderer-test harness: serves a web build over HTTP through the same handler and CSP the
// app:// protocol uses, and builds the init script that runs the real bundled preload against
// a fake ipcRenderer/contextBridge inside the page.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCsp, withCsp } from "../../src/main/csp.js";
import { serveAppRequest } from "../../src/main/protocol.js";
import { readScriptHashes } from "../../src/main/script-hashes.js";
import { APP_ORIGIN } from "../../src/main/security.js";
import { Channel, type StartupInfo } from "../../src/shared/ipc.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The policy main/index.ts builds: the server URL plus the hashes the build wrote. */
export function appCsp(distDir: string, serverUrl: string): string {
  return buildCsp(serverUrl, readScriptHashes(`${distDir}/csp-script-hashes.json`));
}

export interface Served {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export function listen(server: Server): Promise<Served> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The web build over HTTP: app://little-monster/<path> handling, then the CSP hook, as in the app. */
export function serveWebBuild(root: string, csp: string): Promise<Served> {
  return listen(
    createServer(async (req, res) => {
      // Forward what the handler reads to tell a navigation from a fetch().
      const headers = new Headers();
      for (const name of ["accept", "sec-fetch-dest"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers.set(name, value);
      }
      const request = { url: `${APP_ORIGIN}${req.url}`, method: req.method ?? "GET", headers };
      const response = await serveAppRequest(root, request, csp);
      const out: Record<string, string[]> = {};
      response.headers.forEach((value, name) => {
        out[name] = [value];
      });
      res.writeHead(response.status, withCsp(out, csp));
      res.end(Buffer.from(await response.arrayBuffer()));
    }),
  );
}

/**
 * The page-side script: a fake `electron` module, then the preload bundle verbatim. The fake
 * records every IPC message on window.__fakeIpc so the test can assert what reached "main".
 */
export function preloadInitScript(preloadFile: string, startup: StartupInfo): string {
  const preload = readFileSync(preloadFile, "utf8");
  return `
(() => {
  const violations = [];
  window.__violations = violations;
  document.addEventListener("securitypolicyviolation", (e) => {
    violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
  });
  const listeners = new Map();
  const fakeIpc = {
    sent: [],
    invoked: [],
    emit(channel, ...args) {
      for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
    },
  };
  Object.defineProperty(window, "__fakeIpc", { value: fakeIpc });
  const ipcRenderer = {
    sendSync(channel) {
      return channel === ${JSON.stringify(Channel.startup)} ? ${JSON.stringify(startup)} : undefined;
    },
    send(channel, ...args) { fakeIpc.sent.push([channel, ...args]); },
    invoke(channel, ...args) {
      fakeIpc.invoked.push([channel, ...args]);
      return Promise.resolve(true);
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: api, enumerable: true });
    },
  };
  const require = (name) => {
    if (name === "electron") return { ipcRenderer, contextBridge };
    throw new Error("sandboxed preload cannot require " + name);
  };
  const module = { exports: {} };
  ((require, module, exports) => {
${preload}
  })(require, module, module.exports);
})();
`;
}
