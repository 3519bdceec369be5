// The bridge object the page sees, built on a fake ipcRenderer.
import { describe, expect, it } from "vitest";
import type { IpcRendererEvent } from "electron";
import type { DeepLink, NavigationTarget } from "../shared/bridge.js";
import { Channel } from "../shared/ipc.js";
import { type BridgeIpc, createBridge } from "./create-bridge.js";

const ID = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";
type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

function fakeIpc(startup: unknown = { appVersion: "1.2.3", serverUrl: "http://localhost:3000", platform: "linux" }) {
  const listeners = new Map<string, Listener[]>();
  const invoked: Array<[string, ...unknown[]]> = [];
  const sent: Array<[string, ...unknown[]]> = [];
  let openAtLogin = false;
  const ipc: BridgeIpc & { emit(channel: string, ...args: unknown[]): void } = {
    sendSync: (channel: string) => (channel === Channel.startup ? startup : undefined),
    send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]),
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      if (channel === Channel.openAtLoginSet) openAtLogin = args[0] === true;
      if (channel === Channel.openAtLoginGet || channel === Channel.openAtLoginSet) return openAtLogin;
      return true;
    },
    on(channel: string, listener: Listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return this as never; // `this` is IpcRenderer in the real type; the bridge ignores the result
    },
    emit(channel, ...args) {
      // The bridge never reads the event object.
      for (const l of listeners.get(channel) ?? []) l({} as IpcRendererEvent, ...args);
    },
  };
  return { ipc, invoked, sent };
}

describe("createBridge", () => {
  it("exposes the app version and server URL from the main process", () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(bridge.appVersion).toBe("1.2.3");
    expect(bridge.serverUrl).toBe("http://localhost:3000");
  });

  it("is frozen, including openAtLogin", () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.openAtLogin)).toBe(true);
    expect(() => {
      (bridge as { notify: unknown }).notify = () => true;
    }).toThrow(TypeError);
  });

  it("refuses to start without startup info (an untrusted frame)", () => {
    expect(() => createBridge(fakeIpc(null).ipc)).toThrow(/startup info/);
  });

  it("sends only the known reminder fields to the main process", async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    const reminder = { title: "Exam", body: "in 1 h", eventId: ID, onclick: "steal()" };
    expect(await bridge.notify(reminder)).toBe(true);
    expect(invoked).toEqual([[Channel.notify, { title: "Exam", body: "in 1 h", eventId: ID }]]);
    await expect(bridge.notify({} as { title: string })).rejects.toThrow(TypeError);
  });

  it("delivers deep links to subscribers and stops after unsubscribe", () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    const got: DeepLink[] = [];
    const unsubscribe = bridge.onDeepLink((l) => got.push(l));
    ipc.emit(Channel.deepLink, { kind: "video", id: ID });
    ipc.emit(Channel.deepLink, { kind: "video", id: "../x" }); // re-validated, dropped
    unsubscribe();
    ipc.emit(Channel.deepLink, { kind: "video", id: ID });
    expect(got).toEqual([{ kind: "video", id: ID }]);
  });

  it("replays links that arrived before the first subscriber", () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    ipc.emit(Channel.deepLink, { kind: "verify-email", token: "abcdefghij0123456789" });
    const got: DeepLink[] = [];
    bridge.onDeepLink((l) => got.push(l));
    expect(got).toEqual([{ kind: "verify-email", token: "abcdefghij0123456789" }]);
  });

  it("forwards menu navigation and ignores unknown targets", () => {
    const { ipc } = fakeIpc();
    const bridge = createBridge(ipc);
    const got: NavigationTarget[] = [];
    bridge.onNavigate((t) => got.push(t));
    ipc.emit(Channel.navigate, "planner");
    ipc.emit(Channel.navigate, "admin");
    expect(got).toEqual(["planner"]);
  });

  it("reads and sets open-at-login", async () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(await bridge.openAtLogin.get()).toBe(false);
    expect(await bridge.openAtLogin.set(true)).toBe(true);
    expect(await bridge.openAtLogin.get()).toBe(true);
  });

  it("sends a cleaned tray status", () => {
    const { ipc, sent } = fakeIpc();
    createBridge(ipc).updateTray({ unreadCount: 2, agenda: [{ title: "A", startsAt: "2026-11-26T09:00:00Z" }] });
    expect(sent).toEqual([
      [Channel.trayStatus, { unreadCount: 2, agenda: [{ title: "A", startsAt: "2026-11-26T09:00:00Z" }] }],
    ]);
  });
});
