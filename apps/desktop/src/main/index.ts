// Main-process entry: the only main-process file that loads `electron` at runtime. It wires the
// small modules beside it (each takes the Electron APIs it uses as parameters) to the real APIs.
import path from "node:path";
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from "electron";
import electronUpdater from "electron-updater";
import type { NavigationTarget } from "../shared/bridge.js";
import { DEEP_LINK_SCHEME } from "../shared/deep-links.js";
import { Channel } from "../shared/ipc.js";
import { buildCsp, installCsp } from "./csp.js";
import { readScriptHashes } from "./script-hashes.js";
import { registerIpcHandlers } from "./ipc.js";
import { getOpenAtLogin, setOpenAtLogin } from "./login-item.js";
import { buildMenuTemplate } from "./menu.js";
import { showReminder } from "./notifications.js";
import { appScheme, serveAppRequest } from "./protocol.js";
import { APP_ORIGIN, guardNavigation, installPermissionHandlers, windowOptions } from "./security.js";
import { loadSettings } from "./settings.js";
import { createDeepLinkDispatcher, setupSingleInstance } from "./single-instance.js";
import { applyTrayStatus, EMPTY_STATUS, parseTrayStatus } from "./tray.js";
import { setupAutoUpdate } from "./updater.js";
import { loadWindowState, saveWindowState, trackWindowState } from "./window-state.js";

const log = (msg: string) => console.log(`[little-monster] ${msg}`);
const distDir = path.join(import.meta.dirname, "..");
const webRoot = path.join(distDir, "web");
const preloadPath = path.join(distDir, "preload.cjs");
const assetsDir = path.join(distDir, "..", "assets");

// Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([appScheme]);

const { settings, warnings } = loadSettings(path.join(app.getPath("userData"), "settings.json"), process.env);
for (const warning of warnings) log(warning);
const csp = buildCsp(settings.serverUrl, readScriptHashes(path.join(distDir, "csp-script-hashes.json")));
const windowStateFile = path.join(app.getPath("userData"), "window-state.json");

let mainWindow: BrowserWindow | null = null;
let tray: Tray | null = null;

const deepLinks = createDeepLinkDispatcher((link) => mainWindow?.webContents.send(Channel.deepLink, link));
const navigate = (target: NavigationTarget) => {
  showWindow();
  mainWindow?.webContents.send(Channel.navigate, target);
};

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(
    windowStateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const { isMaximized, ...bounds } = state;
  const win = new BrowserWindow(windowOptions(preloadPath, bounds));
  trackWindowState(win, (s) => saveWindowState(windowStateFile, s));
  win.once("ready-to-show", () => {
    if (isMaximized) win.maximize();
    win.show();
  });
  win.webContents.on("did-start-loading", () => deepLinks.setReady(false));
  win.webContents.on("did-finish-load", () => deepLinks.setReady(true));
  win.on("closed", () => {
    mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/`);
  return win;
}

const isFirstInstance = setupSingleInstance(app, {
  argv: process.argv,
  onDeepLink: (link) => deepLinks.dispatch(link),
  focus: showWindow,
  log,
});

if (isFirstInstance) {
  // In development the OS must start Electron with our entry script to handle the link.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }

  // Every webContents, including any a bug might create, gets the guards.
  app.on("web-contents-created", (_event, contents) => guardNavigation(contents, shell, log));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (!mainWindow) mainWindow = createWindow();
  });

  void app.whenReady().then(() => {
    // The handler sets the CSP itself: responses from protocol.handle may bypass webRequest.
    protocol.handle(appScheme.scheme, (request) => serveAppRequest(webRoot, request, csp));
    installCsp(session.defaultSession.webRequest, csp);
    installPermissionHandlers(session.defaultSession);

    const checkForUpdates = setupAutoUpdate(() => electronUpdater.autoUpdater, {
      feedUrl: settings.updateFeedUrl,
      isPackaged: app.isPackaged,
      log,
    });
    const trayActions = { show: showWindow, openPlanner: () => navigate("planner"), quit: () => app.quit() };
    registerIpcHandlers(ipcMain, {
      startup: { appVersion: app.getVersion(), serverUrl: settings.serverUrl, platform: process.platform },
      notify: (payload) =>
        showReminder(
          { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
          payload,
          () => navigate("planner"),
        ),
      getOpenAtLogin: () => getOpenAtLogin(app),
      setOpenAtLogin: (enabled) => setOpenAtLogin(app, enabled),
      setTrayStatus: (status) => {
        const parsed = parseTrayStatus(status);
        if (tray && parsed) applyTrayStatus(tray, (t) => Menu.buildFromTemplate(t), parsed, trayActions);
      },
      log,
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          { navigate, checkForUpdates: () => void checkForUpdates?.() },
          { isMac: process.platform === "darwin", appName: app.name, isDev: !app.isPackaged },
        ),
      ),
    );
    tray = new Tray(nativeImage.createFromPath(path.join(assetsDir, "tray.png")));
    applyTrayStatus(tray, (t) => Menu.buildFromTemplate(t), EMPTY_STATUS, trayActions);
    tray.on("click", showWindow);

    mainWindow = createWindow();
    void checkForUpdates?.();
  });
}
