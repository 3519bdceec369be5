// IPC channel names shared by the preload and the main process, so the two cannot drift apart.

export const Channel = {
  /** sendSync at preload start: returns the StartupInfo below. */
  startup: "lm:startup",
  notify: "lm:notify",
  openAtLoginGet: "lm:open-at-login:get",
  openAtLoginSet: "lm:open-at-login:set",
  trayStatus: "lm:tray-status",
  /** main → renderer */
  deepLink: "lm:deep-link",
  /** main → renderer */
  navigate: "lm:navigate",
} as const;

export interface StartupInfo {
  appVersion: string;
  serverUrl: string;
  platform: string;
}
