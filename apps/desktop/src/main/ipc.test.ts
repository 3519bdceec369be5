// The main-process IPC handlers: trusted-sender checks, payload validation, open-at-login.
import { describe, expect, it } from "vitest";
import type { IpcMainEvent, IpcMainInvokeEvent, LoginItemSettings, Settings } from "electron";
import { Channel } from "../shared/ipc.js";
import { type IpcMainPort, registerIpcHandlers } from "./ipc.js";
import { getOpenAtLogin, type LoginItemApp, setOpenAtLogin } from "./login-item.js";
import { APP_ORIGIN } from "./security.js";

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type Listener = (event: IpcMainEvent, ...args: unknown[]) => void;

class FakeIpcMain implements IpcMainPort {
  handlers = new Map<string, Handler>();
  listeners = new Map<string, Listener>();
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }
  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, listener);
    return this;
  }
  // The handlers read only senderFrame.url (and returnValue for sendSync).
  invoke(channel: string, frameUrl: string, ...args: unknown[]) {
    return this.handlers.get(channel)?.({ senderFrame: { url: frameUrl } } as IpcMainInvokeEvent, ...args);
  }
  sendSync(channel: string, frameUrl: string) {
    const event = { senderFrame: { url: frameUrl }, returnValue: undefined } as IpcMainEvent;
    this.listeners.get(channel)?.(event);
    return event.returnValue;
  }
}

class FakeLoginApp implements LoginItemApp {
  openAtLogin = false;
  getLoginItemSettings = () => ({ openAtLogin: this.openAtLogin }) as LoginItemSettings; // other fields unused
  setLoginItemSettings = (settings: Settings) => {
    this.openAtLogin = settings.openAtLogin === true;
  };
}

function setup() {
  const ipc = new FakeIpcMain();
  const login = new FakeLoginApp();
  const seen = { notified: [] as unknown[], tray: [] as unknown[], logs: [] as string[] };
  registerIpcHandlers(ipc, {
    startup: { appVersion: "1.2.3", serverUrl: "http://localhost:3000", platform: "linux" },
    notify: (payload) => {
      seen.notified.push(payload);
      return true;
    },
    getOpenAtLogin: () => getOpenAtLogin(login),
    setOpenAtLogin: (enabled) => setOpenAtLogin(login, enabled),
    setTrayStatus: (status) => void seen.tray.push(status),
    log: (m) => seen.logs.push(m),
  });
  return { ipc, login, seen };
}

const PAGE = `${APP_ORIGIN}/planner`;
const EVIL = "https://evil.example/";

describe("registerIpcHandlers", () => {
  it("answers the preload's startup request from the app page only", () => {
    const { ipc, seen } = setup();
    expect(ipc.sendSync(Channel.startup, PAGE)).toEqual({
      appVersion: "1.2.3",
      serverUrl: "http://localhost:3000",
      platform: "linux",
    });
    expect(ipc.sendSync(Channel.startup, EVIL)).toBeNull();
    expect(seen.logs).toHaveLength(1);
  });

  it("passes reminders from the app page to the notifier and refuses other frames", async () => {
    const { ipc, seen } = setup();
    expect(await ipc.invoke(Channel.notify, PAGE, { title: "Study" })).toBe(true);
    expect(await ipc.invoke(Channel.notify, EVIL, { title: "Phish" })).toBe(false);
    expect(seen.notified).toEqual([{ title: "Study" }]);
  });

  it("reads and writes open-at-login", async () => {
    const { ipc, login } = setup();
    expect(await ipc.invoke(Channel.openAtLoginGet, PAGE)).toBe(false);
    expect(await ipc.invoke(Channel.openAtLoginSet, PAGE, true)).toBe(true);
    expect(login.openAtLogin).toBe(true);
    expect(await ipc.invoke(Channel.openAtLoginSet, PAGE, "yes")).toBe(true); // not a boolean: unchanged
    expect(await ipc.invoke(Channel.openAtLoginSet, EVIL, false)).toBe(false);
    expect(login.openAtLogin).toBe(true);
  });

  it("accepts tray status from the app page only", () => {
    const { ipc, seen } = setup();
    ipc.listeners.get(Channel.trayStatus)?.({ senderFrame: { url: PAGE } } as IpcMainEvent, {
      unreadCount: 1,
      agenda: [],
    });
    ipc.listeners.get(Channel.trayStatus)?.({ senderFrame: null } as IpcMainEvent, { unreadCount: 9, agenda: [] });
    expect(seen.tray).toEqual([{ unreadCount: 1, agenda: [] }]);
  });
});
