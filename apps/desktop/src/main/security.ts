// Secure defaults for the one window: web preferences, navigation guards, window.open and
// permission handling. Everything the page may do outside its own origin is decided here.
import type { BrowserWindowConstructorOptions, Session, Shell, WebContents } from "electron";

/** The origin the web build is served from (see protocol.ts). */
export const APP_SCHEME = "app";
export const APP_HOST = "little-monster";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function windowOptions(preloadPath: string, bounds: Partial<Record<"x" | "y" | "width" | "height", number>>) {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    show: false, // shown on ready-to-show, so there is no white flash
    title: "Little Monster",
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  } satisfies BrowserWindowConstructorOptions;
}

/** True only for app://little-monster/... (compared on parsed parts, not string prefixes). */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

/** Only https links leave the app, and only to the OS browser. */
export function isExternalLink(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && !url.username && !url.password;
  } catch {
    return false;
  }
}

type NavigationEvent = { preventDefault(): void };
type NavigationListener = (event: NavigationEvent, url: string) => void;

/** The parts of webContents the guards need, narrowed to the events they subscribe to. */
export interface GuardedContents {
  on(event: "will-navigate" | "will-redirect" | "will-frame-navigate", listener: NavigationListener): unknown;
  on(event: "will-attach-webview", listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler: WebContents["setWindowOpenHandler"];
}

export type OpenExternal = Pick<Shell, "openExternal">;

export function guardNavigation(contents: GuardedContents, shell: OpenExternal, log: (msg: string) => void): void {
  const openOutside = (url: string) => {
    if (isExternalLink(url)) {
      shell.openExternal(url).catch((error: Error) => log(`openExternal failed: ${error.message}`));
    } else {
      log(`refused to open ${url}`);
    }
  };
  contents.on("will-navigate", (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url); // a plain link click: hand https pages to the browser
  });
  // Redirects and subframe navigations are never user intent: just block them.
  for (const name of ["will-redirect", "will-frame-navigate"] as const) {
    contents.on(name, (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        log(`blocked ${name} to ${url}`);
      }
    });
  }
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: "deny" };
  });
}

type PermissionSession = Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler">;
type Permission = Parameters<NonNullable<Parameters<Session["setPermissionCheckHandler"]>[0]>>[1];

const GRANTED: ReadonlySet<Permission> = new Set<Permission>(["notifications"]);

export function isPermissionGranted(permission: Permission, origin: string): boolean {
  return GRANTED.has(permission) && isAppUrl(origin);
}

export function installPermissionHandlers(session: PermissionSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
}
