// The open-at-login setting, read from and written to the OS login items.
import type { App } from "electron";

export type LoginItemApp = Pick<App, "getLoginItemSettings" | "setLoginItemSettings">;

export function getOpenAtLogin(app: LoginItemApp): boolean {
  return app.getLoginItemSettings().openAtLogin === true;
}

/** Returns the value the OS reports afterwards (Linux ignores the call and stays false). */
export function setOpenAtLogin(app: LoginItemApp, enabled: unknown): boolean {
  if (typeof enabled !== "boolean") return getOpenAtLogin(app);
  app.setLoginItemSettings({ openAtLogin: enabled });
  return getOpenAtLogin(app);
}
