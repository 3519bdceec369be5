// Builds the frozen `window.littleMonster` object from an ipcRenderer-like port. Pure, so a test
// can hand it a fake; the real ipcRenderer is wired in ./index.ts.
import type { IpcRenderer } from "electron";
import type { DeepLink, LittleMonsterBridge, NavigationTarget, ReminderNotice, TrayStatus } from "../shared/bridge.js";
import { isDeepLink } from "../shared/deep-links.js";
import { Channel, type StartupInfo } from "../shared/ipc.js";

export type BridgeIpc = Pick<IpcRenderer, "invoke" | "send" | "sendSync" | "on">;

const NAVIGATION_TARGETS: readonly string[] = ["feed", "generate", "planner"] satisfies NavigationTarget[];
const MAX_PENDING_LINKS = 20;

function readStartup(ipc: BridgeIpc): StartupInfo {
  const info: unknown = ipc.sendSync(Channel.startup);
  const v = (typeof info === "object" && info !== null ? info : {}) as Record<string, unknown>;
  if (typeof v.appVersion !== "string" || typeof v.serverUrl !== "string" || typeof v.platform !== "string") {
    throw new Error("Little Monster: the main process sent no startup info");
  }
  return { appVersion: v.appVersion, serverUrl: v.serverUrl, platform: v.platform };
}

// Copies only known fields: the page could pass getters or huge objects, and nothing else
// should cross into the main process.
function cleanReminder(reminder: ReminderNotice): ReminderNotice {
  if (typeof reminder?.title !== "string") throw new TypeError("notify() needs a title");
  const clean: ReminderNotice = { title: String(reminder.title) };
  if (typeof reminder.body === "string") clean.body = reminder.body;
  if (typeof reminder.eventId === "string") clean.eventId = reminder.eventId;
  return clean;
}

function cleanTrayStatus(status: TrayStatus): TrayStatus {
  const agenda = Array.isArray(status?.agenda) ? status.agenda : [];
  return {
    unreadCount: Number(status?.unreadCount) || 0,
    agenda: agenda.slice(0, 20).map((item) => ({ title: String(item?.title), startsAt: String(item?.startsAt) })),
  };
}

/** Subscribers of one kind, with an unsubscribe that only removes its own callback. */
function listeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    get size() {
      return set.size;
    },
    add(cb: (value: T) => void): () => void {
      if (typeof cb !== "function") throw new TypeError("expected a callback");
      const entry = (value: T) => cb(value); // a fresh wrapper, so the same cb can subscribe twice
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(value: T) {
      for (const cb of set) {
        try {
          cb(value);
        } catch (error) {
          console.error("Little Monster bridge listener failed", error);
        }
      }
    },
  };
}

export function createBridge(ipc: BridgeIpc): LittleMonsterBridge {
  const startup = readStartup(ipc);
  const deepLinks = listeners<DeepLink>();
  const navigation = listeners<NavigationTarget>();
  // Links that arrive before the web app subscribes (a cold start from a link) wait here.
  const pending: DeepLink[] = [];

  // The IPC event object is never handed to the page: it exposes the sender.
  ipc.on(Channel.deepLink, (_event, link: unknown) => {
    if (!isDeepLink(link)) return;
    const copy: DeepLink =
      link.kind === "video" ? { kind: "video", id: link.id } : { kind: link.kind, token: link.token };
    if (deepLinks.size === 0) {
      if (pending.length < MAX_PENDING_LINKS) pending.push(copy);
      return;
    }
    deepLinks.emit(copy);
  });
  ipc.on(Channel.navigate, (_event, target: unknown) => {
    if (typeof target === "string" && NAVIGATION_TARGETS.includes(target)) navigation.emit(target as NavigationTarget);
  });

  const openAtLogin = Object.freeze({
    get: async (): Promise<boolean> => (await ipc.invoke(Channel.openAtLoginGet)) === true,
    set: async (enabled: boolean): Promise<boolean> =>
      (await ipc.invoke(Channel.openAtLoginSet, enabled === true)) === true,
  });

  return Object.freeze({
    appVersion: startup.appVersion,
    serverUrl: startup.serverUrl,
    platform: startup.platform,
    notify: async (reminder: ReminderNotice): Promise<boolean> =>
      (await ipc.invoke(Channel.notify, cleanReminder(reminder))) === true,
    onDeepLink(callback: (link: DeepLink) => void): () => void {
      const unsubscribe = deepLinks.add(callback);
      for (const link of pending.splice(0)) deepLinks.emit(link);
      return unsubscribe;
    },
    onNavigate: (callback: (target: NavigationTarget) => void): (() => void) => navigation.add(callback),
    updateTray(status: TrayStatus): void {
      ipc.send(Channel.trayStatus, cleanTrayStatus(status));
    },
    openAtLogin,
  } satisfies LittleMonsterBridge);
}
