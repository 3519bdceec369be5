// The native menu. Go → Feed / Generate / Planner (CmdOrCtrl+1/2/3) ask the page to navigate;
// the web app's router does the rest.
import type { MenuItemConstructorOptions } from "electron";
import type { NavigationTarget } from "../shared/bridge.js";

export const NAVIGATION_SHORTCUTS: ReadonlyArray<{ target: NavigationTarget; label: string; accelerator: string }> = [
  { target: "feed", label: "Feed", accelerator: "CmdOrCtrl+1" },
  { target: "generate", label: "Generate", accelerator: "CmdOrCtrl+2" },
  { target: "planner", label: "Planner", accelerator: "CmdOrCtrl+3" },
];

export interface MenuActions {
  navigate(target: NavigationTarget): void;
  checkForUpdates(): void;
}

export function buildMenuTemplate(
  actions: MenuActions,
  options: { isMac: boolean; appName: string; isDev: boolean },
): MenuItemConstructorOptions[] {
  const go: MenuItemConstructorOptions = {
    label: "Go",
    submenu: NAVIGATION_SHORTCUTS.map(({ target, label, accelerator }) => ({
      label,
      accelerator,
      click: () => actions.navigate(target),
    })),
  };
  const view: MenuItemConstructorOptions = {
    label: "View",
    submenu: [
      { role: "reload" },
      // DevTools only in development builds: in production they are one keystroke from the token.
      ...(options.isDev ? [{ role: "toggleDevTools" } as const] : []),
      { type: "separator" },
      { role: "resetZoom" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      { type: "separator" },
      { role: "togglefullscreen" },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: "help",
    submenu: [{ label: "Check for Updates…", click: () => actions.checkForUpdates() }],
  };
  return [
    ...(options.isMac ? [{ label: options.appName, role: "appMenu" } as const] : []),
    options.isMac ? { role: "fileMenu" } : { label: "File", submenu: [{ role: "quit" }] },
    { role: "editMenu" },
    view,
    go,
    { role: "windowMenu" },
    help,
  ];
}
