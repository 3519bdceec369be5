// Auto-update wiring for electron-updater: a generic feed from the settings, checked only in
// packaged builds. Nothing here downloads by itself in tests; the updater is passed in.
import type { AppUpdater } from "electron-updater";

export type UpdaterPort = Pick<AppUpdater, "setFeedURL" | "checkForUpdatesAndNotify" | "autoDownload" | "logger">;

export interface UpdateOptions {
  feedUrl: string | null;
  isPackaged: boolean;
  log(msg: string): void;
}

/**
 * Returns a `check` function for the menu, or null when updates are off (dev build, no feed).
 * The updater is a getter: electron-updater builds its platform updater on first access.
 */
export function setupAutoUpdate(getUpdater: () => UpdaterPort, options: UpdateOptions): (() => Promise<void>) | null {
  if (!options.isPackaged) {
    options.log("auto-update off: not a packaged build");
    return null;
  }
  if (!options.feedUrl) {
    options.log("auto-update off: no feed URL (LM_UPDATE_FEED_URL or settings.json updateFeedUrl)");
    return null;
  }
  const updater = getUpdater();
  updater.logger = { info: options.log, warn: options.log, error: options.log };
  updater.autoDownload = true;
  updater.setFeedURL({ provider: "generic", url: options.feedUrl });
  const check = async () => {
    try {
      await updater.checkForUpdatesAndNotify();
    } catch (error) {
      options.log(`update check failed: ${(error as Error).message}`);
    }
  };
  return check;
}
