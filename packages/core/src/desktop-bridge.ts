// The contract between the desktop shell and the web app: the shape of `window.littleMonster`.
// Types only, so it costs nothing in the web bundle or the desktop preload.

/** A deep link the OS handed to the app, already validated by the main process. */
export type DeepLink = { kind: "video"; id: string } | { kind: "verify-email"; token: string };

/** Where the native menu (Go → Feed / Generate / Planner) asks the web app to go. */
export type NavigationTarget = "feed" | "generate" | "planner";

/** A planner reminder the web app wants shown as an OS notification. */
export interface ReminderNotice {
  title: string;
  body?: string;
  /** The planner event it belongs to; clicking the notification opens the planner. */
  eventId?: string;
}

/** What the tray shows: today's agenda and the unread notification count. */
export interface TrayStatus {
  unreadCount: number;
  agenda: Array<{ title: string; startsAt: string }>;
}

export interface LittleMonsterBridge {
  readonly appVersion: string;
  /** The API server the desktop app is configured for (LM_SERVER_URL or the settings file). */
  readonly serverUrl: string;
  readonly platform: string;
  /** Resolves true when the main process showed the notification. */
  notify(reminder: ReminderNotice): Promise<boolean>;
  /** Returns an unsubscribe function. Links that arrived before the first subscriber are replayed to it. */
  onDeepLink(callback: (link: DeepLink) => void): () => void;
  onNavigate(callback: (target: NavigationTarget) => void): () => void;
  updateTray(status: TrayStatus): void;
  readonly openAtLogin: {
    get(): Promise<boolean>;
    set(enabled: boolean): Promise<boolean>;
  };
}

declare global {
  interface Window {
    /** Present only inside the desktop app. */
    littleMonster?: LittleMonsterBridge;
  }
}
