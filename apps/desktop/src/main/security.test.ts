// Window preferences, navigation guards, window.open and permissions, driven through fakes of
// the Electron objects they attach to.
import { describe, expect, it } from "vitest";
import type { Session, WebContents } from "electron";
import {
  APP_ORIGIN,
  type GuardedContents,
  guardNavigation,
  installPermissionHandlers,
  isAppUrl,
  windowOptions,
} from "./security.js";

type Listener = (event: { preventDefault(): void }, url: string) => void;
type OpenHandler = Parameters<WebContents["setWindowOpenHandler"]>[0];
type OpenDetails = Parameters<OpenHandler>[0];

class FakeContents implements GuardedContents {
  listeners = new Map<string, Listener[]>();
  openHandler: OpenHandler | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does; returns whether a listener called preventDefault. */
  emit(event: string, url?: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) {
      listener({ preventDefault: () => (prevented = true) }, url ?? "");
    }
    return prevented;
  }
  open(url: string) {
    // Only url is read by our handler; the rest of HandlerDetails is irrelevant here.
    return this.openHandler?.({ url } as OpenDetails);
  }
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const logs: string[] = [];
  const shell = {
    openExternal: async (url: string) => {
      opened.push(url);
    },
  };
  guardNavigation(contents, shell, (m) => logs.push(m));
  return { contents, opened, logs };
}

describe("windowOptions", () => {
  it("turns on isolation, the sandbox and web security and turns off node and webviews", () => {
    const { webPreferences } = windowOptions("/app/dist/preload.cjs", { width: 900, height: 700 });
    expect(webPreferences).toMatchObject({
      preload: "/app/dist/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it("applies remembered bounds", () => {
    expect(windowOptions("/p", { x: 10, y: 20, width: 900, height: 700 })).toMatchObject({ x: 10, y: 20, width: 900 });
  });
});

describe("navigation guards", () => {
  it("lets the page navigate within app://little-monster", () => {
    const { contents } = setup();
    expect(contents.emit("will-navigate", `${APP_ORIGIN}/planner`)).toBe(false);
    expect(contents.emit("will-redirect", `${APP_ORIGIN}/feed`)).toBe(false);
  });

  it.each([
    "https://evil.example/",
    "http://localhost:3000/",
    "file:///etc/passwd",
    "app://other-host/index.html",
    "app://little-monster.evil.example/",
    "app://user@little-monster/",
    "javascript:alert(1)",
  ])("blocks navigation and redirects to %s", (url) => {
    const { contents } = setup();
    expect(contents.emit("will-navigate", url)).toBe(true);
    expect(contents.emit("will-redirect", url)).toBe(true);
    expect(contents.emit("will-frame-navigate", url)).toBe(true);
  });

  it("hands https links to the OS browser but never other schemes", () => {
    const { contents, opened } = setup();
    contents.emit("will-navigate", "https://example.org/article");
    contents.emit("will-navigate", "http://example.org/plain");
    contents.emit("will-navigate", "file:///etc/passwd");
    contents.emit("will-navigate", "smb://share/x");
    expect(opened).toEqual(["https://example.org/article"]);
  });

  it("does not open redirect targets externally", () => {
    const { contents, opened } = setup();
    contents.emit("will-redirect", "https://example.org/");
    expect(opened).toEqual([]);
  });

  it("denies every window.open and opens only https ones outside", () => {
    const { contents, opened } = setup();
    expect(contents.open("https://example.org/x")).toEqual({ action: "deny" });
    expect(contents.open(`${APP_ORIGIN}/popup`)).toEqual({ action: "deny" });
    expect(contents.open("ms-msdt:/id PCWDiagnostic")).toEqual({ action: "deny" });
    expect(opened).toEqual(["https://example.org/x"]);
  });

  it("blocks webview attachment", () => {
    const { contents } = setup();
    expect(contents.emit("will-attach-webview")).toBe(true);
  });
});

type RequestHandler = NonNullable<Parameters<Session["setPermissionRequestHandler"]>[0]>;
type CheckHandler = NonNullable<Parameters<Session["setPermissionCheckHandler"]>[0]>;

describe("permission handlers", () => {
  const session = {
    request: null as RequestHandler | null,
    check: null as CheckHandler | null,
    setPermissionRequestHandler(h: RequestHandler | null) {
      this.request = h;
    },
    setPermissionCheckHandler(h: CheckHandler | null) {
      this.check = h;
    },
  };
  installPermissionHandlers(session);
  const contents = { getURL: () => `${APP_ORIGIN}/` } as WebContents; // only getURL is read

  const request = (permission: Parameters<RequestHandler>[1], requestingUrl: string) =>
    new Promise<boolean>((resolve) =>
      // The handler reads only requestingUrl from the details.
      session.request?.(contents, permission, resolve, { requestingUrl } as Parameters<RequestHandler>[3]),
    );

  it("grants notifications to the app page", async () => {
    expect(await request("notifications", `${APP_ORIGIN}/planner`)).toBe(true);
    expect(session.check?.(contents, "notifications", APP_ORIGIN, {} as Parameters<CheckHandler>[3])).toBe(true);
  });

  it.each(["media", "geolocation", "clipboard-read", "openExternal", "display-capture", "hid", "usb"] as const)(
    "denies %s",
    async (permission) => {
      expect(await request(permission, `${APP_ORIGIN}/`)).toBe(false);
      expect(session.check?.(contents, permission, APP_ORIGIN, {} as Parameters<CheckHandler>[3])).toBe(false);
    },
  );

  it("denies notifications to any other origin", async () => {
    expect(await request("notifications", "https://evil.example/")).toBe(false);
    expect(session.check?.(contents, "notifications", "http://localhost:3000", {} as Parameters<CheckHandler>[3])).toBe(
      false,
    );
  });
});

describe("isAppUrl", () => {
  it("compares parsed scheme and host, not prefixes", () => {
    expect(isAppUrl("app://little-monster/")).toBe(true);
    expect(isAppUrl("app://little-monster")).toBe(true);
    expect(isAppUrl("app://little-monster:8080/")).toBe(false);
    expect(isAppUrl("not a url")).toBe(false);
  });
});
