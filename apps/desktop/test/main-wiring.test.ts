// Runs the real main-process entry (src/main/index.ts) under Node against a fake `electron`
// module, to check the wiring that no Electron launch can check here: order of registration,
// secure window options, app:// serving, CSP, IPC handlers and deep-link delivery.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Channel } from "../src/shared/ipc.js";

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so node:events is loaded inline here.
  const { EventEmitter } = await import("node:events");
  const calls: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const state = {
    isReady: false,
    userData: "",
    schemes: [] as unknown[],
    schemesRegisteredBeforeReady: false,
    protocolHandlers: new Map<
      string,
      (request: { url: string; method: string; headers: Headers }) => Promise<Response>
    >(),
    headersListener: null as null | ((details: object, cb: (r: { responseHeaders?: object }) => void) => void),
    permissionCheck: null as null | ((wc: unknown, permission: string, origin: string) => boolean),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    ipcListeners: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; webContents: FakeContents }>,
    menu: null as unknown,
    trays: [] as Array<{ tooltip: string }>,
  };
  class FakeContents extends EventEmitter {
    sent: unknown[][] = [];
    openHandler: ((d: { url: string }) => unknown) | null = null;
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    setWindowOpenHandler(h: (d: { url: string }) => unknown) {
      this.openHandler = h;
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeContents();
    entry: { options: Record<string, unknown>; loaded: string[]; webContents: FakeContents };
    constructor(options: Record<string, unknown>) {
      super();
      this.entry = { options, loaded: [], webContents: this.webContents };
      state.windows.push(this.entry);
      app.emit("web-contents-created", {}, this.webContents);
    }
    async loadURL(url: string) {
      this.entry.loaded.push(url);
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    isMaximized = () => false;
    isMinimized = () => false;
    isFullScreen = () => false;
    show() {}
    focus() {}
    restore() {}
    maximize() {}
  }
  const app = Object.assign(new EventEmitter(), {
    name: "Little Monster",
    isPackaged: false,
    getPath: (name: string) => `${state.userData}/${name === "userData" ? "" : name}`,
    getVersion: () => "0.1.0-test",
    requestSingleInstanceLock: () => true,
    quit: () => calls.push("quit"),
    setAsDefaultProtocolClient: (scheme: string) => calls.push(`protocol-client:${scheme}`),
    whenReady: () => ready,
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: () => {},
  });
  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, h: (...args: unknown[]) => unknown) => state.ipcHandlers.set(channel, h),
      on: (channel: string, l: (...args: unknown[]) => void) => state.ipcListeners.set(channel, l),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    Notification: Object.assign(
      class {
        on() {}
        show() {}
      },
      { isSupported: () => true },
    ),
    nativeImage: { createFromPath: (p: string) => ({ path: p }) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.schemes = schemes;
        state.schemesRegisteredBeforeReady = !state.isReady;
      },
      handle: (scheme: string, h: (request: { url: string; method: string; headers: Headers }) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, h),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (l: typeof state.headersListener) => {
            state.headersListener = l;
          },
        },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: (h: typeof state.permissionCheck) => {
          state.permissionCheck = h;
        },
      },
    },
    shell: { openExternal: async (url: string) => void calls.push(`open:${url}`) },
    Tray: class {
      tooltip = "";
      constructor() {
        state.trays.push(this);
      }
      setToolTip(t: string) {
        this.tooltip = t;
      }
      setTitle() {}
      setContextMenu() {}
      on() {}
    },
  };
  const becomeReady = async () => {
    state.isReady = true;
    markReady();
    await ready;
    await new Promise((r) => setTimeout(r, 0));
  };
  return { electron, state, calls, becomeReady };
});

vi.mock("electron", () => ({ ...fake.electron, default: fake.electron }));

const ID = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";

beforeAll(async () => {
  fake.state.userData = mkdtempSync(path.join(tmpdir(), "lm-wiring-"));
  vi.stubEnv("LM_SERVER_URL", "https://api.example.com");
  await import("../src/main/index.js");
  // A link arriving from a second launch before the window exists must not be lost.
  fake.electron.app.emit("second-instance", {}, ["little-monster", `littlemonster://video/${ID}`]);
  await fake.becomeReady();
});

describe("main-process wiring (fake electron)", () => {
  it("registers app:// as privileged before ready and the littlemonster: protocol client", () => {
    expect(fake.state.schemesRegisteredBeforeReady).toBe(true);
    expect(fake.state.schemes).toEqual([
      { scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    expect(fake.calls).toContain("protocol-client:littlemonster");
  });

  it("opens one secure window on app://little-monster/", () => {
    expect(fake.state.windows).toHaveLength(1);
    const [win] = fake.state.windows;
    expect(win.loaded).toEqual(["app://little-monster/"]);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
  });

  it("installs the CSP for the configured server on every response", () => {
    let headers: Record<string, string[]> = {};
    fake.state.headersListener?.({ responseHeaders: {} }, (r) => {
      headers = r.responseHeaders as Record<string, string[]>;
    });
    expect(headers["Content-Security-Policy"]?.[0]).toContain(
      "connect-src 'self' https://api.example.com wss://api.example.com",
    );
  });

  it("serves app:// through the protocol handler and refuses traversal", async () => {
    const handler = fake.state.protocolHandlers.get("app");
    expect(handler).toBeDefined();
    const res = await handler!({
      url: "app://little-monster/..%2F..%2Fpackage.json",
      method: "GET",
      headers: new Headers(),
    });
    expect(res.status).toBe(400);
  });

  it("guards the window's navigation", () => {
    const { webContents } = fake.state.windows[0];
    let prevented = false;
    webContents.emit("will-navigate", { preventDefault: () => (prevented = true) }, "https://evil.example/");
    expect(prevented).toBe(true);
    expect(webContents.openHandler?.({ url: "https://example.org/" })).toEqual({ action: "deny" });
  });

  it("grants only notifications, only to the app", () => {
    expect(fake.state.permissionCheck?.(null, "notifications", "app://little-monster")).toBe(true);
    expect(fake.state.permissionCheck?.(null, "media", "app://little-monster")).toBe(false);
  });

  it("answers the preload's startup request with version and server URL", () => {
    const event = { senderFrame: { url: "app://little-monster/" }, returnValue: undefined as unknown };
    fake.state.ipcListeners.get(Channel.startup)?.(event);
    expect(event.returnValue).toEqual({
      appVersion: "0.1.0-test",
      serverUrl: "https://api.example.com",
      platform: process.platform,
    });
    for (const channel of [Channel.notify, Channel.openAtLoginGet, Channel.openAtLoginSet]) {
      expect(fake.state.ipcHandlers.has(channel), channel).toBe(true);
    }
  });

  it("delivers queued deep links once the page has loaded", () => {
    const { webContents } = fake.state.windows[0];
    expect(webContents.sent).toEqual([]);
    webContents.emit("did-finish-load");
    expect(webContents.sent).toEqual([[Channel.deepLink, { kind: "video", id: ID }]]);
    fake.electron.app.emit("second-instance", {}, ["little-monster", "littlemonster://video/../x"]);
    expect(webContents.sent).toHaveLength(1);
  });

  it("sets the menu with the navigation shortcuts and creates the tray", () => {
    expect(JSON.stringify(fake.state.menu)).toContain("CmdOrCtrl+3");
    expect(fake.state.trays).toHaveLength(1);
    expect(fake.state.trays[0].tooltip).toMatch(/0 unread/);
  });
});
